import Hummingbird

extension Request {
    /// The JSON body as `T`. A missing, malformed or mistyped body is a 400 saying which field,
    /// never what it held; a rule `T` checks while decoding throws its own ``APIError``.
    func decodeJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        // Collected first (up to the context's limit, else 413) to tell a client that sent no
        // body from one that sent a broken one.
        var request = self
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else {
            throw APIError.badRequest("the request needs a JSON body")
        }
        do {
            return try await context.requestDecoder.decode(T.self, from: request, context: context)
        } catch let error as DecodingError {
            throw ErrorMapping.apiError(for: error)
        } catch let error as APIError {
            throw error
        } catch {
            // A value whose own decoding failed (a timestamp that is not one): its error can
            // quote the text, so it is not passed on.
            throw APIError.badRequest("the body holds a value of the wrong form")
        }
    }
}
