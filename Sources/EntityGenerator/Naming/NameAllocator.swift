/// Gives every member of a group a distinct name, each from its own list of candidates.
///
/// Allocation runs in rounds: in round *k* every unnamed member proposes its *k*-th candidate, and
/// a name is granted only when exactly one member proposes it and nobody holds it yet. So when two
/// members want the same name neither silently wins; both fall back to their next choice, and
/// the outcome does not depend on the order in which members are listed. Past the end of its
/// list a member proposes its last candidate with 2, 3, … appended; ties there go to the
/// earlier member, which guarantees termination.
struct NameAllocator {
    /// The reserved names (keys), shared and never copied: allocators are made per entity.
    private let reserved: Set<String>
    /// Keys granted or reserved since.
    private var taken: Set<String> = []
    private let caseInsensitive: Bool
    /// Names nobody may receive, shared by many allocators and never copied into `taken`:
    /// every generated type name, which a member of the same name would shadow.
    private let shadowed: Set<String>

    /// - Parameters:
    ///   - reserved: names nobody may receive.
    ///   - caseInsensitive: treat `User` and `USER` as the same name (type names become file
    ///     names, and macOS file systems ignore case).
    ///   - shadowed: further names nobody may receive, compared exactly (as Swift compares
    ///     names); one set shared by every member allocator, so it costs no copy per entity.
    init(reserved: Set<String> = [], caseInsensitive: Bool = false, shadowed: Set<String> = []) {
        self.caseInsensitive = caseInsensitive
        self.reserved = caseInsensitive ? Set(reserved.map { $0.lowercased() }) : reserved
        self.shadowed = shadowed
    }

    private func key(_ name: String) -> String {
        caseInsensitive ? name.lowercased() : name
    }

    /// Marks `name` as held, for names granted elsewhere.
    mutating func reserve(_ name: String) {
        taken.insert(key(name))
    }

    /// True when nobody may receive `name` any more.
    func isTaken(_ name: String) -> Bool {
        isHeld(key(name)) || shadowed.contains(name)
    }

    private func isHeld(_ nameKey: String) -> Bool {
        taken.contains(nameKey) || reserved.contains(nameKey)
    }

    /// Why a name granted up front (a user's rename) cannot be granted.
    enum GrantConflict: Equatable {
        /// The name is reserved, or was granted earlier by this allocator.
        case taken
        /// Another member is granted the same name.
        case grantedTwice(other: Int)
        /// It is another member's first choice: granting it would silently rename that member.
        case firstChoiceOf(other: Int)
    }

    /// The first conflict that granting `granted` (member → name) before allocating
    /// `candidates` would cause, if any. Members are checked in index order.
    func conflict(granting granted: [Int: String], among candidates: [[String]]) -> (member: Int, conflict: GrantConflict)? {
        var owners: [String: Int] = [:]
        for member in granted.keys.sorted() {
            let name = key(granted[member]!)
            if isTaken(granted[member]!) { return (member, .taken) }
            if let other = owners[name] { return (member, .grantedTwice(other: other)) }
            owners[name] = member
        }
        for (other, list) in candidates.enumerated() where granted[other] == nil {
            if let first = list.first, let member = owners[key(first)] { return (member, .firstChoiceOf(other: other)) }
        }
        return nil
    }

    /// One name per member; `candidates[i]` must not be empty. Members in `granted` receive
    /// that name before any round (check it first with ``conflict(granting:among:)``); the
    /// others compete for the rest as usual.
    mutating func allocate(_ candidates: [[String]], granted fixed: [Int: String] = [:]) -> [String] {
        if fixed.isEmpty, let firstChoices = allFirstChoicesFree(candidates) {
            taken.formUnion(firstChoices)
            return candidates.map { $0[0] }
        }
        var granted = [String?](repeating: nil, count: candidates.count)
        for (member, name) in fixed {
            granted[member] = name
            taken.insert(key(name))
        }
        var pending = candidates.indices.filter { fixed[$0] == nil }
        taken.reserveCapacity(taken.count + pending.count)
        var round = 0
        while !pending.isEmpty {
            // Per proposed name: its first proposer (the winner, if any wins), how many propose
            // it, and whether any of them is past its list (then the first proposer wins a tie).
            var proposals: [String: (first: Int, count: Int, numbered: Bool)] = [:]
            proposals.reserveCapacity(pending.count)
            var proposalOrder: [String] = []
            for member in pending {
                let name = proposal(of: candidates[member], round: round)
                let nameKey = key(name)
                guard !isHeld(nameKey), !shadowed.contains(name) else { continue }
                let numbered = round >= candidates[member].count
                if let existing = proposals[nameKey] {
                    proposals[nameKey] = (existing.first, existing.count + 1, existing.numbered || numbered)
                } else {
                    proposalOrder.append(nameKey)
                    proposals[nameKey] = (member, 1, numbered)
                }
            }
            for nameKey in proposalOrder {
                guard let proposal = proposals[nameKey], proposal.count == 1 || proposal.numbered else { continue }
                granted[proposal.first] = self.proposal(of: candidates[proposal.first], round: round)
                taken.insert(nameKey)
            }
            pending = pending.filter { granted[$0] == nil }
            round += 1
        }
        return granted.map { $0! }
    }

    /// The keys of every member's first choice when each is free and proposed by one member
    /// only: then the first round grants them all, and the rounds need not run. Nearly every
    /// table's columns are named so.
    private func allFirstChoicesFree(_ candidates: [[String]]) -> Set<String>? {
        var keys = Set<String>(minimumCapacity: candidates.count)
        for list in candidates {
            let name = list[0]
            let nameKey = key(name)
            guard !isHeld(nameKey), !shadowed.contains(name), keys.insert(nameKey).inserted else { return nil }
        }
        return keys
    }

    private func proposal(of candidates: [String], round: Int) -> String {
        if round < candidates.count { return candidates[round] }
        return candidates[candidates.count - 1] + String(round - candidates.count + 2)
    }
}
