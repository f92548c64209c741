package in.mdm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the local suite's messages go, so that a person can read them: a real SMTP server
 * (GreenMail, accepting every address) and an SMS sink that takes the SMS gateway's
 * requests ({@code POST /sms/messages}) and keeps them, both shown newest first on one
 * page ({@code GET /}). The links of activation and password-reset e-mails point at small
 * forms here ({@code /activate}, {@code /reset-password}) that hand the token and the new
 * password to auth-service through the gateway.
 */
public final class MessageSink implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private static final Pattern JSON_STRING = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final GreenMail smtp;

    private final HttpServer web;

    private final String gatewayUrl;

    private final List<Sms> sms = Collections.synchronizedList(new ArrayList<>());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sms(LocalTime at, Map<String, String> fields) {
    }

    private MessageSink(GreenMail smtp, HttpServer web, String gatewayUrl) {
        this.smtp = smtp;
        this.web = web;
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * SMTP on 127.0.0.1:{@code smtpPort}, the page and the SMS sink on
     * 127.0.0.1:{@code webPort}.
     */
    public static MessageSink start(int smtpPort, int webPort, String gatewayUrl) {
        InfrastructureServers.requireFree(smtpPort, "The local SMTP server");
        InfrastructureServers.requireFree(webPort, "The local mail and SMS page");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 16);
            web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            MessageSink sink = new MessageSink(smtp, web, gatewayUrl);
            web.createContext("/", sink::handle);
            web.start();
            return sink;
        }
        catch (IOException ex) {
            smtp.stop();
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Serves another local stand-in on the same page server, under {@code path} (e.g. the
     * weather API's under {@code /weather}).
     */
    public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        web.createContext(path, handler);
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int webPort() {
        return web.getAddress().getPort();
    }

    /** What the SMS sink has received, oldest first (field → value of the JSON body). */
    public List<Map<String, String>> sms() {
        synchronized (sms) {
            return sms.stream().map(Sms::fields).toList();
        }
    }

    /** The e-mails received, oldest first. */
    public MimeMessage[] mails() {
        return smtp.getReceivedMessages();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/sms/messages")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                sms.add(new Sms(LocalTime.now(ZoneId.of("Asia/Kolkata")), fields(body)));
                respond(exchange, 202, "application/json", "{\"status\":\"accepted\"}");
            }
            else if (method.equals("GET") && path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", page());
            }
            else if (method.equals("GET") && (path.equals("/activate") || path.equals("/reset-password"))) {
                String token = query(exchange.getRequestURI().getRawQuery()).getOrDefault("token", "");
                respond(exchange, 200, "text/html; charset=utf-8", form(path, token));
            }
            else if (method.equals("POST") && (path.equals("/activate") || path.equals("/reset-password"))) {
                Map<String, String> form = query(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(exchange, 200, "text/html; charset=utf-8", submit(path, form));
            }
            else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private String page() {
        StringBuilder html = new StringBuilder(head("MDM Twin: sent mail and SMS"));
        html.append("<h1>Sent by MDM Twin on this machine</h1><p>E-mail arrives at the SMTP server on 127.0.0.1:")
            .append(smtpPort())
            .append(", SMS at the sink <code>POST /sms/messages</code>; newest first. Reload to see new ones.</p>");
        MimeMessage[] mails = mails();
        html.append("<h2>E-mail (").append(mails.length).append(")</h2>");
        for (int i = mails.length - 1; i >= 0; i--) {
            MimeMessage mail = mails[i];
            html.append("<div class=m><b>")
                .append(escape(subject(mail)))
                .append("</b><br><small>to ")
                .append(escape(to(mail)))
                .append("</small><pre>")
                .append(linked(text(mail)))
                .append("</pre></div>");
        }
        List<Sms> received;
        synchronized (sms) {
            received = new ArrayList<>(sms);
        }
        html.append("<h2>SMS (").append(received.size()).append(")</h2>");
        for (int i = received.size() - 1; i >= 0; i--) {
            Sms one = received.get(i);
            html.append("<div class=m><small>")
                .append(one.at().format(TIME))
                .append(" to ")
                .append(escape(one.fields().getOrDefault("to", "?")))
                .append(" from ")
                .append(escape(one.fields().getOrDefault("sender", "?")))
                .append(", DLT template ")
                .append(escape(one.fields().getOrDefault("dltTemplateId", "?")))
                .append(", ")
                .append(escape(one.fields().getOrDefault("encoding", "?")))
                .append("</small><pre>")
                .append(linked(one.fields().getOrDefault("message", "")))
                .append("</pre></div>");
        }
        return html.append("</body></html>").toString();
    }

    private String form(String path, String token) {
        boolean activation = path.equals("/activate");
        return head("MDM Twin") + "<h1>" + (activation ? "Activate your account" : "Choose a new password")
                + "</h1><form method=post action=" + path + "><input type=hidden name=token value=\"" + escape(token)
                + "\"><p><label>New password <input type=password name=password minlength=12 required></label></p>"
                + "<p><small>12 to 128 characters, three of: lower case, upper case, digits, other characters."
                + "</small></p><button>" + (activation ? "Activate" : "Set password")
                + "</button></form></body></html>";
    }

    private String submit(String path, Map<String, String> form) {
        boolean activation = path.equals("/activate");
        String body = activation
                ? "{\"token\":\"" + json(form.get("token")) + "\",\"password\":\"" + json(form.get("password")) + "\"}"
                : "{\"token\":\"" + json(form.get("token")) + "\",\"newPassword\":\"" + json(form.get("password"))
                        + "\"}";
        String target = gatewayUrl + (activation ? "/api/v1/auth/activate" : "/api/v1/auth/reset-password/confirm");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = answer.statusCode() / 100 == 2;
            return head("MDM Twin") + "<h1>" + (ok ? "Done: you can sign in now" : "Not done") + "</h1><p>"
                    + escape("POST " + target + " answered " + answer.statusCode()) + "</p><pre>"
                    + escape(answer.body()) + "</pre><p><a href=/>Back to the messages</a></p></body></html>";
        }
        catch (IOException ex) {
            return head("MDM Twin") + "<h1>The gateway did not answer</h1><pre>" + escape(ex.toString())
                    + "</pre></body></html>";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return head("MDM Twin") + "<h1>Interrupted</h1></body></html>";
        }
    }

    private static String head(String title) {
        return "<!doctype html><html><head><meta charset=utf-8><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                + ".m{border:1px solid #ccc;border-radius:4px;padding:.5em 1em;margin:.5em 0}"
                + "pre{white-space:pre-wrap}</style></head><body>";
    }

    static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = JSON_STRING.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), unescapeJson(matcher.group(2)));
        }
        Matcher parts = Pattern.compile("\"parts\"\\s*:\\s*(\\d+)").matcher(json);
        if (parts.find()) {
            fields.put("parts", parts.group(1));
        }
        return fields;
    }

    private static String unescapeJson(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 4 < value.length()) {
                        out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String json(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "(no subject)" : mail.getSubject();
        }
        catch (MessagingException ex) {
            return "(unreadable subject)";
        }
    }

    private static String to(MimeMessage mail) {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            if (to == null) {
                return "?";
            }
            List<String> names = new ArrayList<>();
            for (Address address : to) {
                names.add(address.toString());
            }
            return String.join(", ", names);
        }
        catch (MessagingException ex) {
            return "?";
        }
    }

    static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart && multipart.getCount() > 0
                    && multipart.getBodyPart(0).getContent() instanceof String first) {
                return first;
            }
            if (content instanceof InputStream in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return String.valueOf(content);
        }
        catch (IOException | MessagingException ex) {
            return "(unreadable: " + ex.getMessage() + ")";
        }
    }

    private static String linked(String text) {
        String escaped = escape(text);
        return LINK.matcher(escaped)
            .replaceAll(m -> Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }

}
