package io.signet.delivery;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The desktop agent's files Signet serves at {@code /downloads/{file}} from the classpath folder {@code downloads/},
 * when the build bundled them. Public: the jar holds no secret, and an organisation's IT fetches it for deployment.
 */
@Component
public class AgentDownloads {

    /** A file, its URL path, what it is, and whether this build has it. */
    public record Download(String file, String path, String contentType, boolean attachment, String description,
            boolean available) {
    }

    private static final List<Download> FILES = List.of(
            new Download("signet-agent.jar", "/downloads/signet-agent.jar", "application/java-archive", true,
                    "The desktop agent (Java 17 or later)", false),
            new Download("desktop-agent.md", "/downloads/desktop-agent.md", "text/markdown;charset=UTF-8", false,
                    "How to install and deploy the desktop agent", false));

    public List<Download> all() {
        return FILES.stream().map(f -> new Download(f.file(), f.path(), f.contentType(), f.attachment(),
                f.description(), resource(f.file()).exists())).toList();
    }

    /** The bundled file's resource; it may not exist. */
    public ClassPathResource resource(String file) {
        return new ClassPathResource("downloads/" + file);
    }
}
