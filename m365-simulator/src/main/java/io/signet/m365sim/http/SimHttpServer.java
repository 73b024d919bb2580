package io.signet.m365sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.signet.m365sim.Fault;
import io.signet.m365sim.RequestLogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The JDK's HTTP (or HTTPS) server on the loopback interface. It routes by the first path segment, plays injected
 * faults on Graph requests and records every request in the log.
 */
public final class SimHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestLog log;
    private final FaultQueue faults;
    private final Map<String, Handler> byFirstSegment;
    private final Handler fallback;
    private final Function<Fault, Response> faultAnswers;
    private final Supplier<Duration> graphLatency;

    static {
        // Answers go out at once, as Microsoft's do: with Nagle's algorithm on, a small answer to a request with
        // a body ($batch, token requests) waits for the client's delayed ACK, about 40 ms each. The JDK server
        // reads this when its configuration class loads, so it is set before any server of this JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * @param byFirstSegment handlers keyed by first path segment ("v1.0", "_sim"); others go to {@code fallback}
     * @param faultAnswers builds the 429/503 answers in Graph's error format
     */
    public SimHttpServer(int port, Map<String, Handler> byFirstSegment, Handler fallback, RequestLog log,
            FaultQueue faults, Function<Fault, Response> faultAnswers) {
        this(port, null, byFirstSegment, fallback, log, faults, faultAnswers, () -> Duration.ZERO);
    }

    /**
     * @param tls null for plain HTTP; else the server's TLS context (HTTPS)
     * @param graphLatency how long each Graph answer waits before it is sent
     */
    public SimHttpServer(int port, SSLContext tls, Map<String, Handler> byFirstSegment, Handler fallback,
            RequestLog log, FaultQueue faults, Function<Fault, Response> faultAnswers, Supplier<Duration> graphLatency) {
        this.graphLatency = graphLatency;
        this.byFirstSegment = byFirstSegment;
        this.fallback = fallback;
        this.log = log;
        this.faults = faults;
        this.faultAnswers = faultAnswers;
        AtomicInteger threadNumber = new AtomicInteger();
        // A thread per request in flight: a request waiting out the Graph latency holds its thread, never another's.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "m365-simulator-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (tls == null) {
                server = HttpServer.create(address, 64);
            } else {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        Request request = Request.read(exchange);
        String first = request.segments().isEmpty() ? "" : request.segments().get(0);
        try {
            Fault fault = "v1.0".equals(first) ? faults.next() : null;
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                record(first, request, 0);
                exchange.close(); // no headers sent yet: the JDK server just closes the socket
                return;
            }
            if ("v1.0".equals(first)) {
                sleep(graphLatency.get().toMillis());
            }
            if (fault != null && fault.kind() == Fault.Kind.SLOW) {
                sleep(fault.delay().toMillis());
            }
            Response faultAnswer = fault == null ? null : faultAnswers.apply(fault);
            Response response;
            try {
                response = faultAnswer != null ? faultAnswer : answer(first, request);
            } catch (RuntimeException e) {
                response = Response.text(500, "simulator error: " + e);
            }
            // Logged before the answer leaves, so a client that got its answer always finds it in the log.
            record(first, request, response.status());
            write(exchange, response, fault != null && fault.kind() == Fault.Kind.TRUNCATED_BODY);
        } catch (IOException e) {
            // the client went away (or the body was truncated on purpose)
        } finally {
            exchange.close();
        }
    }

    private void record(String first, Request request, int status) {
        if (!"_sim".equals(first)) {
            log.add(new RequestLogEntry(Instant.now(), request.method(), request.pathAndQuery(), status));
        }
    }

    private Response answer(String first, Request request) {
        Handler handler = byFirstSegment.getOrDefault(first, fallback);
        return handler.handle(request);
    }

    private static void write(HttpExchange exchange, Response response, boolean truncate) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            OutputStream out = exchange.getResponseBody();
            // A truncated body: write half of what Content-Length promised; closing then fails and drops the socket.
            out.write(body, 0, truncate ? body.length / 2 : body.length);
            out.flush();
            if (!truncate) {
                out.close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
