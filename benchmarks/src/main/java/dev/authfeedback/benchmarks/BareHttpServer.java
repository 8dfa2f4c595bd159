package dev.authfeedback.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP baseline: a plain Vert.x Web server that reads and parses the same JSON body and answers
 * {@code {}}, with the project server's body limit. What the project adds is measured against it.
 * Vert.x's default transport (Java NIO), or with the argument {@code epoll} the native one the
 * project's server runs on: the second shows what the server adds on equal transports.
 */
public final class BareHttpServer {

    private BareHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean epoll = args.length > 0 && args[0].equals("epoll");
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(epoll));
        if (epoll && !vertx.isNativeTransportEnabled()) {
            throw new IllegalStateException("epoll is unavailable", vertx.unavailableNativeTransportCause());
        }
        Router router = Router.router(vertx);
        router.post("/").handler(BodyHandler.create(false).setBodyLimit(256 * 1024)).handler(ctx -> {
            JsonObject parsed = ctx.body().asJsonObject();
            ctx.response().putHeader("Content-Type", "application/x-amz-json-1.1")
                    .end(parsed.isEmpty() ? "{}" : "{}"); // parsed, then answered alike
        });
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(router).listen().toCompletionStage().toCompletableFuture().get();
        System.out.println("ready http=127.0.0.1:" + server.actualPort());
        Thread.currentThread().join();
    }
}
