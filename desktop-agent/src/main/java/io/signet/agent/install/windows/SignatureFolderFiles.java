package io.signet.agent.install.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.DosFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.signet.agent.plan.FileChange;
import io.signet.agent.plan.FileDelete;
import io.signet.agent.plan.FileWrite;

/**
 * Reads a signature folder into the planner's view and applies a plan's file changes to it; shared by the Windows
 * installer and the export, so both write exactly the same files the same way.
 */
public final class SignatureFolderFiles {

    private SignatureFolderFiles() {
    }

    /** Every file directly in {@code folder} and one level below (the {@code <Name>.files} folders), by relative path. */
    public static Map<String, byte[]> read(Path folder) {
        Map<String, byte[]> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.put(entry.getFileName().toString(), Files.readAllBytes(entry));
                } else if (Files.isDirectory(entry)) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(entry)) {
                        for (Path file : inner) {
                            if (Files.isRegularFile(file)) {
                                files.put(entry.getFileName() + "/" + file.getFileName(), Files.readAllBytes(file));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signature folder " + folder, e);
        }
        return files;
    }

    /** Applies the changes in order and answers them in words ({@code wrote Signatures/Full.htm (...)}). */
    public static List<String> apply(Path folder, List<FileChange> changes) {
        List<String> done = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (FileChange change : changes) {
                Path target = resolve(folder, change.path());
                if (change instanceof FileWrite write) {
                    replace(target, write.bytes());
                } else if (change instanceof FileDelete) {
                    clearReadOnly(target);
                    Files.deleteIfExists(target);
                    deleteIfEmptyFolder(folder, target.getParent());
                }
                done.add(describe(folder, change));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not change the signature folder " + folder, e);
        }
        return done;
    }

    /** Writes a temporary file beside the target, then moves it over the target in one step, so Outlook never reads half a file. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".signet-", ".tmp");
        try {
            Files.write(temporary, bytes);
            clearReadOnly(target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Admins may lock signatures read-only (a known lock-down); Signet's own updates must still get through. */
    static void clearReadOnly(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
        if (dos == null) {
            return;
        }
        try {
            if (dos.readAttributes().isReadOnly()) {
                dos.setReadOnly(false);
            }
        } catch (IOException | UnsupportedOperationException notDos) {
            // Not a DOS-like file system (Linux without extended attributes): there is no such flag to clear.
        }
    }

    private static void deleteIfEmptyFolder(Path folder, Path directory) throws IOException {
        if (directory == null || directory.equals(folder) || !Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.deleteIfExists(directory);
    }

    private static Path resolve(Path folder, String relative) {
        Path target = folder;
        for (String part : relative.split("/")) {
            target = target.resolve(part);
        }
        if (!target.normalize().startsWith(folder.normalize())) {
            throw new IllegalArgumentException("a plan path leaves the signature folder: " + relative);
        }
        return target;
    }

    private static String describe(Path folder, FileChange change) {
        String folderName = folder.getFileName() == null ? "" : folder.getFileName() + "/";
        String verb = change instanceof FileWrite ? "wrote " : "removed ";
        return verb + folderName + change.path() + " (" + change.reason() + ")";
    }
}
