package io.signet.agent.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Downloads the images a set's signatures show (absolute {@code http(s)} {@code img src}), each once. */
public final class SignatureImages {

    private SignatureImages() {
    }

    /** Every image that could be fetched; the ones missing from the map stay linked by URL and get reported. */
    public static Map<URI, Image> download(SignatureSet set, SignetClient client) {
        Map<URI, Image> images = new LinkedHashMap<>();
        for (URI url : urls(set)) {
            client.image(url).ifPresent(image -> images.put(url, image));
        }
        return images;
    }

    static Set<URI> urls(SignatureSet set) {
        Set<URI> urls = new LinkedHashSet<>();
        for (Signature signature : set.signatures()) {
            for (Element img : Jsoup.parse(signature.html()).select("img[src]")) {
                String src = img.attr("src").trim();
                if (src.regionMatches(true, 0, "http://", 0, 7) || src.regionMatches(true, 0, "https://", 0, 8)) {
                    try {
                        urls.add(URI.create(src));
                    } catch (IllegalArgumentException e) {
                        // Not a URL Java can fetch: it stays as written and the installer reports it.
                    }
                }
            }
        }
        return urls;
    }
}
