package io.signet.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;

/** The real registry, under a throw-away key of the current user; runs on Windows only. */
@EnabledOnOs(OS.WINDOWS)
class JnaRegistryTest {

    final String path = "Software\\Signet-Test-" + UUID.randomUUID();
    final RegKey key = RegKey.hkcu(path);
    final JnaRegistry registry = new JnaRegistry();

    @AfterEach
    void removeTheKey() {
        if (Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, path)) {
            Advapi32Util.registryDeleteKey(WinReg.HKEY_CURRENT_USER, path);
        }
    }

    @Test
    void everyTypeTheAgentWritesReadsBackWithItsType() {
        registry.write(key, "Sz", RegValue.sz("Full (jane@contoso.example)"));
        registry.write(key, "Dword", RegValue.dword(1));
        registry.write(key, "Binary", RegValue.utf16Binary("Full"));

        assertThat(registry.read(key, "Sz")).contains(RegValue.sz("Full (jane@contoso.example)"));
        assertThat(registry.read(key, "Dword")).contains(RegValue.dword(1));
        assertThat(registry.read(key, "Binary")).contains(RegValue.utf16Binary("Full"));
        assertThat(registry.read(key, "Missing")).isEmpty();
    }

    @Test
    void expandableStringsAreToldApartFromPlainOnes() {
        Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, path);
        Advapi32Util.registrySetExpandableStringValue(WinReg.HKEY_CURRENT_USER, path, "Expand", "%APPDATA%");

        assertThat(registry.read(key, "Expand")).contains(new RegValue.ExpandSz("%APPDATA%"));
    }

    @Test
    void subkeysAreListedAndDeletingAValueRemovesIt() {
        registry.write(key.child("00000002"), "Account Name", RegValue.sz("jane@contoso.example"));
        registry.delete(key.child("00000002"), "Account Name");

        assertThat(registry.subkeys(key)).containsExactly("00000002");
        assertThat(registry.read(key.child("00000002"), "Account Name")).isEmpty();
        assertThat(registry.subkeys(RegKey.hkcu(path + "\\Nope"))).isEmpty();
    }

    @Test
    void outlooksVersionKeyIsReadableWhenClassicOutlookIsInstalled() {
        assertThat(registry.read(RegKey.hkcr("Outlook.Application\\CurVer"), "")).satisfiesAnyOf(
                v -> assertThat(v).isEmpty(), v -> assertThat(v.flatMap(RegValue::text)).get().asString().startsWith("Outlook.Application."));
    }
}
