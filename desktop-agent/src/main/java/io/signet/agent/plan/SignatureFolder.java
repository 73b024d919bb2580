package io.signet.agent.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The signature folder's files seen by signature: a name is Signet's when its {@code <Name>.htm} carries the marker,
 * foreign when any of its files exists without that, and free otherwise.
 */
final class SignatureFolder {

    private final Map<String, byte[]> files;

    /** {@code files}: relative paths (case-insensitive map) to contents. */
    SignatureFolder(Map<String, byte[]> files) {
        this.files = files;
    }

    byte[] get(String path) {
        return files.get(path);
    }

    boolean isSignets(String name) {
        byte[] htm = files.get(name + ".htm");
        return htm != null && SignatureMarker.isSignets(htm);
    }

    /** Some file of {@code name} exists and its {@code .htm} lacks the marker: never touched. */
    boolean isForeign(String name) {
        return !isSignets(name) && !filesOf(name, true).isEmpty();
    }

    /** The names whose {@code .htm} carries Signet's marker. */
    List<String> signetsNames() {
        List<String> names = new ArrayList<>();
        for (String path : files.keySet()) {
            if (!path.contains("/") && path.toLowerCase(Locale.ROOT).endsWith(".htm")) {
                String name = path.substring(0, path.length() - 4);
                if (isSignets(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The files of signature {@code name}: {@code .htm}, {@code .txt} and everything in {@code <Name>.files}, plus the
     * {@code .rtf} when {@code withRtf} (only to decide whether a name is taken: Signet never writes or deletes one).
     */
    List<String> filesOf(String name, boolean withRtf) {
        String lower = name.toLowerCase(Locale.ROOT);
        TreeSet<String> own = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String path : files.keySet()) {
            String p = path.toLowerCase(Locale.ROOT);
            if (p.equals(lower + ".htm") || p.equals(lower + ".txt") || p.startsWith(lower + ".files/")
                    || (withRtf && p.equals(lower + ".rtf"))) {
                own.add(path);
            }
        }
        return new ArrayList<>(own);
    }
}
