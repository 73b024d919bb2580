package io.signet.agent.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.signet.agent.install.Problem;
import io.signet.agent.server.Signature;

/**
 * Chooses the file names of a set's signatures. A name whose files exist without Signet's marker belongs to someone
 * else: Signet leaves those files alone, reports {@code foreign-file} and installs under {@code <Name> (Signet)}
 * (then {@code (Signet 2)}, ...), so the admin's signature still arrives and the user's own one survives.
 */
final class SignatureNames {

    private static final int ALTERNATIVES = 9;

    private SignatureNames() {
    }

    static List<NamedSignature> choose(List<Signature> signatures, List<String> mailboxes, boolean mailboxNames,
            SignatureFolder folder, List<Problem> problems) {
        List<NamedSignature> chosen = new ArrayList<>();
        Set<String> used = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Signature signature : signatures) {
            String safe = SafeNames.of(signature.name());
            NamedSignature same = chosen.stream().filter(n -> sameSignature(n.signature(), signature)).findFirst()
                    .orElse(null);
            if (same != null) {
                // New and reply are the same signature: one file set serves both defaults.
                List<Signature.Type> types = new ArrayList<>(same.types());
                types.add(signature.type());
                chosen.set(chosen.indexOf(same), new NamedSignature(same.signature(), same.name(), types, same.mailboxNames()));
                continue;
            }
            String base = used.contains(safe) ? safe + " (" + signature.type().code() + ")" : safe;
            NamedSignature named = firstFree(signature, base, mailboxes, mailboxNames, folder, used, problems);
            if (named != null) {
                chosen.add(named);
                used.add(named.name());
                named.mailboxNames().forEach(copy -> used.add(copy.name()));
            }
        }
        return chosen;
    }

    private static NamedSignature firstFree(Signature signature, String base, List<String> mailboxes,
            boolean mailboxNames, SignatureFolder folder, Set<String> used, List<Problem> problems) {
        for (int attempt = 0; attempt <= ALTERNATIVES; attempt++) {
            String name = attempt == 0 ? base : base + (attempt == 1 ? " (Signet)" : " (Signet " + attempt + ")");
            List<NamedSignature.MailboxCopy> copies = new ArrayList<>();
            if (mailboxNames) {
                distinct(mailboxes).forEach(m -> copies.add(new NamedSignature.MailboxCopy(m, SafeNames.forMailbox(name, m))));
            }
            List<String> names = new ArrayList<>(List.of(name));
            copies.forEach(copy -> names.add(copy.name()));
            List<String> foreign = names.stream().filter(folder::isForeign).toList();
            if (foreign.isEmpty() && names.stream().noneMatch(used::contains)) {
                return new NamedSignature(signature, name, List.of(signature.type()), copies);
            }
            foreign.forEach(f -> problems.add(new Problem("foreign-file", "The signature folder already has \"" + f
                    + "\" files that Signet did not write; Signet leaves them as they are and installs \""
                    + signature.name() + "\" under another name.")));
        }
        problems.add(new Problem("no-free-name", "Every name Signet tried for \"" + signature.name()
                + "\" is taken by files it did not write; the signature was not installed."));
        return null;
    }

    private static boolean sameSignature(Signature a, Signature b) {
        return SafeNames.of(a.name()).equalsIgnoreCase(SafeNames.of(b.name())) && a.html().equals(b.html())
                && a.text().equals(b.text()) && a.version().equals(b.version());
    }

    private static List<String> distinct(List<String> mailboxes) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        return mailboxes.stream().map(String::strip).filter(m -> !m.isEmpty() && seen.add(m.toLowerCase(Locale.ROOT)))
                .toList();
    }
}
