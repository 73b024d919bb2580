package io.signet.audit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * "Before" of a PUT, PATCH or DELETE: the answer of a GET of the same path, asked in-process through the
 * dispatcher servlet (same handler, same authenticated admin, same organisation) before the change runs. Nothing
 * of it reaches the client: the GET has its own attributes, no body and a detached response. Only a 200 JSON
 * answer counts; a path without a GET (an API token, the consent start) has no "before".
 */
final class BeforeSnapshot {

    private static final List<String> DROPPED = List.of("content-type", "content-length", "if-none-match",
            "if-match", "if-modified-since", "if-unmodified-since", "transfer-encoding");

    private BeforeSnapshot() {
    }

    /** The GET answer's JSON, or null. */
    static byte[] of(Servlet dispatcher, HttpServletRequest request, HttpServletResponse response) {
        GetRequest get = new GetRequest(request);
        DetachedResponse answer = new DetachedResponse(response);
        try {
            dispatcher.service(get, answer);
        } catch (Exception | Error e) {
            return null;
        }
        if (answer.status != 200 || answer.contentType == null || !answer.contentType.contains("json")) {
            return null;
        }
        answer.flush();
        return answer.body.toByteArray();
    }

    private static final class GetRequest extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        GetRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return empty.read();
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8));
        }

        @Override
        public String getHeader(String name) {
            return DROPPED.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return DROPPED.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !DROPPED.contains(n.toLowerCase(Locale.ROOT))).toList());
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(List.copyOf(attributes.keySet()));
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }

    private static final class DetachedResponse extends HttpServletResponseWrapper {

        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        int status = 200;
        String contentType;
        String encoding = "UTF-8";
        PrintWriter writer;
        ServletOutputStream stream;

        DetachedResponse(HttpServletResponse response) {
            super(response);
        }

        void flush() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
        }

        @Override
        public void sendRedirect(String location) {
            status = 302;
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) {
            status = sc;
        }

        @Override
        public void setCharacterEncoding(java.nio.charset.Charset charset) {
            encoding = charset.name();
        }

        @Override
        public void setHeader(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                setContentType(value);
                return;
            }
            headers.put(name.toLowerCase(Locale.ROOT), new java.util.ArrayList<>(List.of(value)));
        }

        @Override
        public void addHeader(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                setContentType(value);
                return;
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>()).add(value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, String.valueOf(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, String.valueOf(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, String.valueOf(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, String.valueOf(date));
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        @Override
        public Collection<String> getHeaderNames() {
            return headers.keySet();
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void setCharacterEncoding(String charset) {
            encoding = charset;
        }

        @Override
        public String getCharacterEncoding() {
            return encoding;
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void setBufferSize(int size) {
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            headers.clear();
            status = 200;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void addCookie(Cookie cookie) {
        }

        @Override
        public void setLocale(Locale locale) {
        }
    }
}
