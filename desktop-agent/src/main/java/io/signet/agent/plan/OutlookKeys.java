package io.signet.agent.plan;

import io.signet.agent.registry.RegKey;

/** The registry keys and value names of classic Outlook for Windows that Signet reads or writes. */
public final class OutlookKeys {

    public static final RegKey CUR_VER = RegKey.hkcr("Outlook.Application\\CurVer");
    /** The mail-account store inside every profile (a fixed MAPI identifier). */
    public static final String ACCOUNTS = "9375CFF0413111d3B88A00104B2A6676";
    public static final String ACCOUNT_NAME = "Account Name";
    public static final String NEW_SIGNATURE = "New Signature";
    public static final String REPLY_SIGNATURE = "Reply-Forward Signature";
    public static final String SEND_PICTURES = "Send Pictures With Document";
    public static final String SIGNATURES_VALUE = "Signatures";
    public static final String DEFAULT_PROFILE = "DefaultProfile";
    public static final String USE_NEW_OUTLOOK = "UseNewOutlook";

    private OutlookKeys() {
    }

    /** {@code HKCU\Software\Microsoft\Office\<ver>}. */
    public static RegKey office(String version) {
        return RegKey.hkcu("Software\\Microsoft\\Office\\" + version);
    }

    /** Holds {@code DefaultProfile}. */
    public static RegKey outlook(String version) {
        return office(version).child("Outlook");
    }

    public static RegKey profiles(String version) {
        return outlook(version).child("Profiles");
    }

    /** Holds {@code Send Pictures With Document}. */
    public static RegKey mailOptions(String version) {
        return outlook(version).child("Options\\Mail");
    }

    /** Holds {@code Signatures}, the (localized) signature folder name below {@code %APPDATA%\Microsoft}. */
    public static RegKey commonGeneral(String version) {
        return office(version).child("Common\\General");
    }

    /** Holds {@code UseNewOutlook}. */
    public static RegKey preferences() {
        return outlook("16.0").child("Preferences");
    }
}
