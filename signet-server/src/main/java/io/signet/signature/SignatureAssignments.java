package io.signet.signature;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.directory.Departments;
import io.signet.directory.Employee;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.signature.internal.AssignmentRepository;
import io.signet.signature.internal.TemplateRepository;
import io.signet.web.ApiProblem;

/**
 * Assigns templates, per message type, as the organisation's default, to departments or to single
 * employees (or says "none" at that level), and answers which template an employee gets and why:
 * the employee's own assignment beats the department's, which beats the default.
 */
@Service
public class SignatureAssignments {

    private final AssignmentRepository assignments;
    private final TemplateRepository templates;
    private final Employees employees;
    private final Departments departments;
    private final Clock clock;

    SignatureAssignments(AssignmentRepository assignments, TemplateRepository templates, Employees employees,
            Departments departments, Clock clock) {
        this.assignments = assignments;
        this.templates = templates;
        this.employees = employees;
        this.departments = departments;
        this.clock = clock;
    }

    public List<SignatureAssignment> list(UUID orgId) {
        return assignments.findAll(orgId);
    }

    public SignatureAssignment get(UUID orgId, UUID id) {
        return assignments.findById(orgId, id).orElseThrow(() -> ApiProblem.notFound("Signature assignment", id));
    }

    /** Sets the template (null: no signature) at one level for one type, replacing what was there. */
    @Transactional
    public SignatureAssignment assign(UUID orgId, AssignmentScope scope, UUID targetId, SignatureType type,
            UUID templateId) {
        switch (scope) {
            case DEFAULT -> {
                if (targetId != null) {
                    throw ApiProblem.invalidField("targetId", "must be empty for the organisation's default");
                }
            }
            case DEPARTMENT -> requireTarget(targetId, () -> departments.get(orgId, targetId));
            case EMPLOYEE -> requireTarget(targetId, () -> employees.get(orgId, targetId));
        }
        if (templateId != null && templates.findById(orgId, templateId).isEmpty()) {
            throw ApiProblem.invalidField("templateId", "no signature template with this id exists");
        }
        Optional<SignatureAssignment> existing = assignments.find(orgId, scope, targetId, type);
        UUID id = existing.map(SignatureAssignment::id).orElseGet(UUID::randomUUID);
        if (existing.isPresent()) {
            assignments.changeTemplate(orgId, id, templateId, clock.instant());
        } else {
            assignments.insert(orgId, id, scope, targetId, type, templateId, clock.instant());
        }
        return get(orgId, id);
    }

    @Transactional
    public void delete(UUID orgId, UUID id) {
        if (!assignments.delete(orgId, id)) {
            throw ApiProblem.notFound("Signature assignment", id);
        }
    }

    /**
     * How many active employees get no template for {@code type} because nothing is assigned to them, their
     * department or as the default (a deliberate "no signature" assignment is not counted).
     */
    public long countActiveUnassigned(UUID orgId, SignatureType type) {
        return assignments.countActiveUnassigned(orgId, type);
    }

    /** The choice for one employee and message type, with the reason. */
    public SignatureChoice choose(UUID orgId, UUID employeeId, SignatureType type) {
        return choose(employees.get(orgId, employeeId), type);
    }

    public SignatureChoice choose(Employee employee, SignatureType type) {
        String who = name(employee);
        if (employee.status() != EmployeeStatus.ACTIVE) {
            return new SignatureChoice(type, null, null, 0, null, who + " is inactive; only active employees get signatures.");
        }
        List<SignatureAssignment> candidates = assignments
                .candidates(employee.orgId(), employee.id(), employee.data().departmentId()).stream()
                .filter(a -> a.type() == type).toList();
        for (AssignmentScope scope : AssignmentScope.values()) {
            Optional<SignatureAssignment> winner = candidates.stream().filter(a -> a.scope() == scope).findFirst();
            if (winner.isPresent()) {
                return choice(winner.get(), who, employee.departmentName(), type);
            }
        }
        return new SignatureChoice(type, null, null, 0, null, "No template is assigned to " + who
                + ", to " + (employee.departmentName() == null ? "a department" : "the department '"
                + employee.departmentName() + "'") + " or as the organisation's default for " + label(type) + ".");
    }

    private static SignatureChoice choice(SignatureAssignment a, String who, String department, SignatureType type) {
        String what = a.isNone() ? "no signature" : "the template '" + a.templateName() + "'";
        String reason = switch (a.scope()) {
            case EMPLOYEE -> who + " is assigned " + what + " for " + label(type)
                    + " directly; this beats any department or default assignment.";
            case DEPARTMENT -> "The department '" + department + "' is assigned " + what + " for " + label(type)
                    + "; " + who + " has no assignment of their own, and a department's beats the default.";
            case DEFAULT -> what.substring(0, 1).toUpperCase() + what.substring(1) + " is the organisation's default for "
                    + label(type) + "; neither " + who + " nor " + (department == null ? "a department"
                    : "the department '" + department + "'") + " has an assignment of their own.";
        };
        return new SignatureChoice(type, a.templateId(), a.templateName(), a.templateRevision(), a.scope(), reason);
    }

    private static String label(SignatureType type) {
        return type == SignatureType.NEW ? "new messages" : "replies and forwards";
    }

    private static String name(Employee employee) {
        String display = employee.data().displayName();
        return display != null && !display.isBlank() ? display : employee.data().email();
    }

    private static void requireTarget(UUID targetId, Runnable exists) {
        if (targetId == null) {
            throw ApiProblem.invalidField("targetId", "must name the department or employee");
        }
        try {
            exists.run();
        } catch (ApiProblem notFound) {
            throw ApiProblem.invalidField("targetId", "no such department or employee exists");
        }
    }
}
