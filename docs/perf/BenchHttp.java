import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark of this folder needs to talk to a running Mare as a browser would: one
 * client keeping the session cookie, never following redirects, GET and form POST, and a page's
 * form fields. The benchmarks extend it; {@code java docs/perf/XxxBench.java} finds this file
 * beside them (multi-file source programs, JDK 22 and later).
 */
class BenchHttp {

    static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The fields of a form as a browser would send them (hidden values, selected options, text); checkboxes left out. */
    static Map<String, String> form(String html, String id) {
        Matcher f = Pattern.compile("<form id=\"" + Pattern.quote(id) + "\"(.*?)</form>", Pattern.DOTALL).matcher(html);
        if (!f.find()) {
            throw new IllegalStateException("no form " + id);
        }
        String body = f.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(body);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            String type = attr(attrs, "type");
            if (name != null && !"submit".equals(type) && !"checkbox".equals(type)) {
                fields.put(name, unescape(attr(attrs, "value") == null ? "" : attr(attrs, "value")));
            }
        }
        Matcher select = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(body);
        while (select.find()) {
            Matcher option = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
            Matcher firstOption = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(select.group(2));
            fields.put(select.group(1), option.find() ? option.group(1) : firstOption.find() ? firstOption.group(1) : "");
        }
        Matcher textarea = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(body);
        while (textarea.find()) {
            fields.put(textarea.group(1), unescape(textarea.group(2)));
        }
        fields.put(id, id);
        return fields;
    }

    static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
