package io.signet.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RegFileTest {

    static final RegKey KEY = RegKey.hkcu("Software\\Signet");

    @Test
    void stringsEscapeBackslashesAndQuotes() {
        String line = RegFile.line(RegFile.Entry.set(KEY, "Path \"x\"", RegValue.sz("C:\\Users\\\"Jane\"")));

        assertThat(line).isEqualTo("\"Path \\\"x\\\"\"=\"C:\\\\Users\\\\\\\"Jane\\\"\"");
    }

    @Test
    void dwordsAreEightLowercaseHexDigitsAndDeletionsAreADash() {
        assertThat(RegFile.line(RegFile.Entry.set(KEY, "On", RegValue.dword(255)))).isEqualTo("\"On\"=dword:000000ff");
        assertThat(RegFile.line(RegFile.Entry.set(KEY, "Max", RegValue.dword(-1)))).isEqualTo("\"Max\"=dword:ffffffff");
        assertThat(RegFile.line(RegFile.Entry.delete(KEY, "Gone"))).isEqualTo("\"Gone\"=-");
    }

    @Test
    void binaryIsCommaSeparatedHexWrappedAsRegeditWrapsIt() {
        String line = RegFile.line(RegFile.Entry.set(KEY, "New Signature", RegValue.utf16Binary("Full")));
        String longLine = RegFile.line(RegFile.Entry.set(KEY, "B", new RegValue.Binary(new byte[40])));

        assertThat(line).isEqualTo("\"New Signature\"=hex:46,00,75,00,6c,00,6c,00,00,00");
        assertThat(longLine.split("\r\n")).hasSize(2).allMatch(l -> l.length() <= 81);
        assertThat(longLine.split("\r\n")[0]).endsWith(",\\");
        assertThat(longLine.split("\r\n")[1]).startsWith("  00,");
    }

    @Test
    void theFileHasTheVersion5HeaderCommentsOneSectionPerKeyCrlfAndAUtf16ByteOrderMark() {
        String text = RegFile.render(List.of("Signet"), List.of(RegFile.Entry.set(KEY, "A", RegValue.dword(1)),
                RegFile.Entry.set(RegKey.hklm("Software\\X"), "B", RegValue.sz("b")), RegFile.Entry.delete(KEY, "C")));

        assertThat(text).isEqualTo("Windows Registry Editor Version 5.00\r\n\r\n; Signet\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Signet]\r\n\"A\"=dword:00000001\r\n\"C\"=-\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\Software\\X]\r\n\"B\"=\"b\"\r\n\r\n");
        byte[] bytes = RegFile.bytes(text);
        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xFE, 'W', 0});
        assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE)).isEqualTo(text);
    }
}
