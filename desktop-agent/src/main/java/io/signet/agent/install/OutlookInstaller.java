package io.signet.agent.install;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.signet.agent.server.Image;
import io.signet.agent.server.SignatureSet;

/**
 * Puts Signet's signatures into one kind of Outlook (classic for Windows, classic for Mac, or an export folder) and
 * takes them out again. Every implementation follows the same rules: nothing without Signet's marker is changed or
 * deleted, the user's own defaults survive, and installing the same set twice writes nothing the second time.
 */
public interface OutlookInstaller {

    /** What Outlook is here and how it is set up; {@code mailboxes} are matched against the profile's accounts. */
    OutlookFound detect(List<String> mailboxes);

    /** Installs (or updates) the set; {@code images} holds every image URL of the set's HTML that could be downloaded. */
    InstallOutcome install(SignatureSet set, Map<URI, Image> images);

    /** Removes only what Signet installed and restores the defaults it replaced. */
    UninstallOutcome uninstall();
}
