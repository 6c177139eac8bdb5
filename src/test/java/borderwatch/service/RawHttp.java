package borderwatch.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, byte for byte: unlike an HTTP client library it never
 * normalises the path, so the server sees the dot segments and encodings an attacker would send.
 */
public final class RawHttp {

    public record Reply(int status, String text) {
    }

    private RawHttp() {
    }

    public static Reply send(int port, String method, String target, String authorization, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                // The head, then as many bytes as it announces: a kept-alive connection never ends by itself.
                int contentLength = -1;
                int headEnd = -1;
                while (headEnd < 0 || all.size() < headEnd + Math.max(0, contentLength)) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    all.write(b);
                    if (headEnd < 0 && all.size() >= 4 && all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        headEnd = all.size();
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                                .matcher(all.toString(StandardCharsets.ISO_8859_1));
                        contentLength = m.find() ? Integer.parseInt(m.group(1)) : -1;
                        if (contentLength < 0 && !all.toString(StandardCharsets.ISO_8859_1).toLowerCase().contains("chunked")) {
                            contentLength = 0;
                        }
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException("no complete answer to " + method + " " + target + " within 10 s: " + all, e);
            }
            String text = all.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP answer to " + method + " " + target + ": " + text);
            }
            return new Reply(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
