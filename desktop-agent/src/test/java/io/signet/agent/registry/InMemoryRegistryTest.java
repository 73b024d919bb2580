package io.signet.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryRegistryTest {

    static final RegKey PROFILES = RegKey.hkcu("Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles");

    @Test
    void keysAndValueNamesIgnoreCaseAsInWindows() {
        InMemoryRegistry registry = new InMemoryRegistry().with(PROFILES.child("Outlook"), "Account Name", RegValue.sz("a"));

        assertThat(registry.read(RegKey.hkcu("software\\MICROSOFT\\office\\16.0\\outlook\\profiles\\outlook"), "account name"))
                .contains(RegValue.sz("a"));
    }

    @Test
    void subkeysAreTheDirectChildrenIncludingThoseOnlyImpliedByDeeperKeys() {
        InMemoryRegistry registry = new InMemoryRegistry().withKey(PROFILES.child("Outlook\\9375CFF0413111d3B88A00104B2A6676\\00000002"))
                .withKey(PROFILES.child("Test"));

        assertThat(registry.subkeys(PROFILES)).containsExactly("Outlook", "Test");
        assertThat(registry.subkeys(RegKey.hkcu("Nope"))).isEmpty();
        assertThat(registry.exists(PROFILES.child("Outlook"))).isTrue();
    }

    @Test
    void binaryValuesReadBackAsUtf16TextUpToTheirNulAndCompareByContent() {
        RegValue binary = RegValue.utf16Binary("jane@contoso.example");

        assertThat(binary.text()).contains("jane@contoso.example");
        assertThat(binary).isEqualTo(RegValue.utf16Binary("jane@contoso.example"));
    }

    @Test
    void writesAndDeletesAreRecordedAndDeletingAMissingValueIsNothing() {
        InMemoryRegistry registry = new InMemoryRegistry();

        registry.write(PROFILES, "X", RegValue.dword(1));
        registry.delete(PROFILES, "X");
        registry.delete(PROFILES, "X");

        assertThat(registry.writes()).hasSize(2);
        assertThat(registry.read(PROFILES, "X")).isEmpty();
    }
}
