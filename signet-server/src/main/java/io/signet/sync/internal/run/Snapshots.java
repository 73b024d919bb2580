package io.signet.sync.internal.run;

import java.util.HashMap;
import java.util.Map;

import io.signet.directory.EmployeeFields;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.SelfServiceWrites;
import io.signet.directory.SyncedEmployee;
import io.signet.sync.mapping.FieldMapping;
import io.signet.sync.mapping.FieldSource;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.mapping.Provenance;
import io.signet.sync.plan.EmployeeSnapshot;

/** Translations between the directory's employees and the planner's snapshots and sources. */
public final class Snapshots {

    private Snapshots() {
    }

    static EmployeeSnapshot of(SyncedEmployee synced) {
        var e = synced.employee();
        Map<String, Provenance> provenance = new HashMap<>();
        EmployeeFields.valuesOf(e.data()).keySet().forEach(field -> provenance.put(field,
                provenanceOf(synced.fieldSources().get(field))));
        // An emptied self-service value is still the employee's: Microsoft 365 must not fill it.
        synced.fieldSources().forEach((field, source) -> {
            if (SelfServiceWrites.SOURCE.equals(source)) {
                provenance.put(field, Provenance.SELF_SERVICE);
            }
        });
        return new EmployeeSnapshot(e.id(), e.data().email(), e.m365ObjectId(), EmployeeFields.valuesOf(e.data()),
                provenance, e.departmentName(), e.status() == EmployeeStatus.ACTIVE, e.syncPaused(),
                synced.deactivatedAt());
    }

    private static Provenance provenanceOf(String source) {
        if (source == null) {
            return Provenance.MANUAL;
        }
        return SelfServiceWrites.SOURCE.equals(source) ? Provenance.SELF_SERVICE : Provenance.MICROSOFT365;
    }

    /** How a field's source reads in the console: {@code m365:jobTitle}, {@code m365:manager.displayName}. */
    public static String describe(DataMapping mapping, String field) {
        FieldSource source = mapping.mappingOf(field).map(FieldMapping::source).orElse(null);
        if (source instanceof FieldSource.UserAttribute a) {
            return "m365:" + a.attribute();
        }
        if (source instanceof FieldSource.ManagerAttribute m) {
            return "m365:manager." + m.attribute();
        }
        if (source instanceof FieldSource.Constant) {
            return "m365:constant";
        }
        return "m365:photo";
    }
}
