package io.signet.agent.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;

/** The real Windows registry through JNA's {@code Advapi32Util}; only usable on Windows. */
public final class JnaRegistry implements Registry {

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        WinReg.HKEY root = root(key);
        if (!Advapi32Util.registryKeyExists(root, key.path()) || !Advapi32Util.registryValueExists(root, key.path(), name)) {
            return Optional.empty();
        }
        // Advapi32Util answers REG_SZ and REG_EXPAND_SZ both as String, so the type is asked for first.
        return switch (typeOf(root, key.path(), name)) {
            case WinNT.REG_SZ -> Optional.of(new RegValue.Sz(Advapi32Util.registryGetStringValue(root, key.path(), name)));
            case WinNT.REG_EXPAND_SZ -> Optional.of(
                    new RegValue.ExpandSz(Advapi32Util.registryGetExpandableStringValue(root, key.path(), name)));
            case WinNT.REG_DWORD -> Optional.of(new RegValue.Dword(Advapi32Util.registryGetIntValue(root, key.path(), name)));
            case WinNT.REG_BINARY -> Optional.of(new RegValue.Binary(Advapi32Util.registryGetBinaryValue(root, key.path(), name)));
            default -> Optional.empty();
        };
    }

    @Override
    public List<String> subkeys(RegKey key) {
        WinReg.HKEY root = root(key);
        if (!Advapi32Util.registryKeyExists(root, key.path())) {
            return List.of();
        }
        return Arrays.asList(Advapi32Util.registryGetKeys(root, key.path()));
    }

    @Override
    public boolean exists(RegKey key) {
        return Advapi32Util.registryKeyExists(root(key), key.path());
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        WinReg.HKEY root = root(key);
        if (!Advapi32Util.registryKeyExists(root, key.path())) {
            Advapi32Util.registryCreateKey(root, key.path());
        }
        if (value instanceof RegValue.Sz sz) {
            Advapi32Util.registrySetStringValue(root, key.path(), name, sz.value());
        } else if (value instanceof RegValue.Dword dword) {
            Advapi32Util.registrySetIntValue(root, key.path(), name, dword.value());
        } else if (value instanceof RegValue.Binary binary) {
            Advapi32Util.registrySetBinaryValue(root, key.path(), name, binary.value());
        } else {
            throw new IllegalArgumentException("the agent writes REG_SZ, REG_DWORD and REG_BINARY only");
        }
    }

    @Override
    public void delete(RegKey key, String name) {
        WinReg.HKEY root = root(key);
        if (Advapi32Util.registryKeyExists(root, key.path()) && Advapi32Util.registryValueExists(root, key.path(), name)) {
            Advapi32Util.registryDeleteValue(root, key.path(), name);
        }
    }

    private static int typeOf(WinReg.HKEY root, String path, String name) {
        WinReg.HKEYByReference opened = Advapi32Util.registryGetKey(root, path, WinNT.KEY_READ);
        try {
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            int rc = Advapi32.INSTANCE.RegQueryValueEx(opened.getValue(), name, 0, type, (byte[]) null, size);
            return rc == W32Errors.ERROR_SUCCESS || rc == W32Errors.ERROR_MORE_DATA ? type.getValue() : WinNT.REG_NONE;
        } finally {
            Advapi32Util.registryCloseKey(opened.getValue());
        }
    }

    private static WinReg.HKEY root(RegKey key) {
        return switch (key.hive()) {
            case HKCU -> WinReg.HKEY_CURRENT_USER;
            case HKLM -> WinReg.HKEY_LOCAL_MACHINE;
            case HKCR -> WinReg.HKEY_CLASSES_ROOT;
        };
    }
}
