import Hummingbird

/// A value sent as JSON with a status of the handler's choice (`201 Created` for an insert).
///
/// A wrapper rather than `ResponseEncodable` conformances on the generated models: those would be
/// conformances of another module's types to another module's protocol.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(value, from: request, context: context)
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }
}
