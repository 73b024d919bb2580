package io.signet.microsoft.internal;

/** Turns the identity platform's redirect errors into words for the admin. */
public final class ConsentErrors {

    private ConsentErrors() {
    }

    public static String explain(String error, String description) {
        String aadsts = description == null ? "" : description.trim();
        if (aadsts.startsWith("AADSTS90094") || aadsts.startsWith("AADSTS90008") || aadsts.startsWith("AADSTS65001")
                || "consent_required".equals(error) || "interaction_required".equals(error)) {
            return "The Microsoft 365 account that signed in may not grant these permissions for the whole "
                    + "organisation. A Microsoft 365 administrator (Global Administrator or Privileged Role "
                    + "Administrator) must connect Signet. Nothing was changed.";
        }
        if ("access_denied".equals(error) || aadsts.startsWith("AADSTS65004")) {
            return "The permissions were declined, so Signet was not connected. Nothing was changed.";
        }
        String firstLine = aadsts.isEmpty() ? error : aadsts.lines().findFirst().orElse(error);
        return "Microsoft reported an error (" + error + ": " + firstLine + "). Nothing was changed.";
    }
}
