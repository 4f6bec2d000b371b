import AuthModels
import EntityKitPostgres
import Hummingbird

/// `GET /users?page=N&per=M`: the users, newest first, a page at a time, with the runtime's
/// page-number pagination (pages count from 1).
struct ListUsers: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<UserPage> {
        let asked = try PageRequest(request.uri.queryParameters)
        // The id breaks ties between users created in the same transaction, so pages never
        // overlap or skip a row.
        let users = try database.paginate(
            User.order { [$0.createdAt.descending, $0.id.ascending] }, perPage: asked.perPage, logger: context.logger)
        // A page number below 1, or so large its offset overflows, is the runtime's
        // PaginationError: ErrorMapping answers 400, nothing traps.
        return JSONResponse(value: UserPage(try await users.page(asked.number)))
    }
}

/// The page a query string asks for: `page` (default 1) and `per` (default 20, at most 100).
struct PageRequest: Equatable {
    static let defaultPerPage = 20
    /// A client may not make one request read the whole table.
    static let largestPerPage = 100

    var number: Int
    var perPage: Int

    /// Reads `page` and `per`. Only the form is checked here (whole numbers, `per` at most
    /// ``largestPerPage``); the runtime checks the rest when it reads the page.
    init(_ query: Parameters) throws(APIError) {
        number = try Self.integer(query["page"], field: "page") ?? 1
        perPage = try Self.integer(query["per"], field: "per") ?? Self.defaultPerPage
        guard perPage <= Self.largestPerPage else {
            throw .badRequest("per is at most \(Self.largestPerPage)", field: "per")
        }
    }

    private static func integer(_ text: Substring?, field: String) throws(APIError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            throw .badRequest("\(field) must be a whole number", field: field)
        }
        return value
    }
}

/// A page of users as JSON: `items`, `page`, `per`, `total` and `page_count`.
struct UserPage: Encodable, Sendable {
    var items: [User]
    var page: Int
    var per: Int
    var total: Int
    var pageCount: Int

    init(_ page: Page<User>) {
        items = page.items.map(\.publicView)
        self.page = page.number
        per = page.perPage
        total = page.total
        pageCount = page.pageCount
    }

    enum CodingKeys: String, CodingKey {
        case items, page, per, total
        case pageCount = "page_count"
    }
}
