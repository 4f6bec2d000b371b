// The sum and average types PostgreSQL gives the numeric column types.

extension Int16: SummableColumnValue {
    public typealias Sum = Int64
    public typealias Average = PGNumeric
}

extension Int32: SummableColumnValue {
    public typealias Sum = Int64
    public typealias Average = PGNumeric
}

extension Int64: SummableColumnValue {
    public typealias Sum = PGNumeric
    public typealias Average = PGNumeric
}

