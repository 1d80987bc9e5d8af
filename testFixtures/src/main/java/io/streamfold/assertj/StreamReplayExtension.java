package io.streamfold.assertj;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link StreamReplayServer} before each test and closes it
 * after; a test (or a {@code @BeforeEach} method) gets the server or its base {@link URI} as a
 * parameter and enqueues the replies it needs.
 *
 * <pre>{@code
 * @ExtendWith(StreamReplayExtension.class)
 * class ClientTest {
 *     @Test
 *     void streams(StreamReplayServer server, URI uri) {
 *         server.enqueue(Reply.of(Path.of("recordings/weather.sse")));
 *         // point the client at uri.resolve("/v1/chat/completions")
 *     }
 * }
 * }</pre>
 *
 * <p>Needs junit-jupiter-api on the class path (an optional dependency of this module).
 */
public final class StreamReplayExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StreamReplayExtension.class);

    /** Made by JUnit through {@code @ExtendWith}. */
    public StreamReplayExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StreamReplayServer server = context.getStore(NAMESPACE).remove("server", StreamReplayServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StreamReplayServer.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StreamReplayServer server = server(context);
        return parameter.getParameter().getType() == URI.class ? server.uri() : server;
    }

    /** The test's server: started on first use, so that a {@code @BeforeEach} parameter gets the same one. */
    private static StreamReplayServer server(ExtensionContext context) {
        ExtensionContext test = context;
        while (test.getTestMethod().isEmpty() && test.getParent().isPresent()) {
            test = test.getParent().get();
        }
        return test.getStore(NAMESPACE).getOrComputeIfAbsent("server", k -> StreamReplayServer.start(), StreamReplayServer.class);
    }
}
