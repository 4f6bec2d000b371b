import AppProtocols
import Foundation
import Models

// Every line uses a rename or a conformance: this compiles only if codegen applied them.
func audit(_ value: some Auditable) -> String { value.auditName }
func identify<T: Identifiable>(_ value: T) -> T.ID { value.id }
func expire(_ value: some Expirable) {}

let member = Member(id: UUID(), emailAddress: "ada@example.com", handle: "ada", role: .administrator)
let key = AccessKey(token: "secret", accountID: member.id, label: nil)
let memberID: UUID = identify(member)
let keyID: String = identify(key)
expire(key)
let owner: BelongsTo<AccessKey, Member> = AccessKey.Relations.owner
let keys: HasMany<Member, AccessKey> = Member.Relations.keys
print(audit(member), audit(key), audit(MemberRole.administrator), MemberRole.allCases.count, memberID == member.id, keyID, owner.constraint, keys.constraint)
