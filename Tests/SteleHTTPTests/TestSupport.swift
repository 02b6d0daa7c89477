import Foundation
import SteleFixtures
import SteleHTTP
import Testing

/// A fixture server with the misbehaviour routes and a small site, plus a client configured for
/// quick tests.
struct ClientFixture {
    let site = FixtureSite()
    let server: FixtureServer
    let client: HTTPClient

    init(configure: (inout HTTPClientConfiguration) -> Void = { _ in }) throws {
        let site = site
        server = try FixtureServer { request in
            Misbehaviour.respond(to: request) ?? site.respond(to: request)
        }
        var configuration = HTTPClientConfiguration()
        configuration.connectTimeout = .seconds(5)
        configuration.totalTimeout = .seconds(20)
        configure(&configuration)
        client = HTTPClient(configuration: configuration)
    }

    func url(_ target: String) -> String { server.url(target) }

    func fetch(_ target: String, validators: HTTPValidators = HTTPValidators()) async throws(HTTPError) -> HTTPResponse {
        try await client.fetch(HTTPRequest(url: url(target), validators: validators))
    }

    /// The error a fetch of `target` throws; records an issue when it succeeds instead.
    func error(fetching target: String, sourceLocation: SourceLocation = #_sourceLocation) async -> HTTPError? {
        await error(fetchingURL: url(target), sourceLocation: sourceLocation)
    }

    func error(fetchingURL url: String, sourceLocation: SourceLocation = #_sourceLocation) async -> HTTPError? {
        do {
            let response = try await client.fetch(HTTPRequest(url: url))
            Issue.record("expected an error, got status \(response.status)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func stop() {
        client.shutdown()
        server.stop()
    }
}
