package io.signet.m365sim.data;

import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.RegisteredApp;
import io.signet.m365sim.SimGroup;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import io.signet.m365sim.data.DemoPeople.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo tenant: an admin, 60 members in 7 departments and 3 offices, 3 guests, managers, nested
 * groups, photos for every third person, and the awkward cases a sync must survive (no licence,
 * disabled, no phone, no title). Everything is fixed, so screenshots and tests stay stable.
 */
public final class DemoTenant {
    static final String LICENCE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    private DemoTenant() {
    }

    public static Tenant create() {
        String domain = M365Simulator.DEMO_DOMAIN;
        Tenant tenant = new Tenant(M365Simulator.DEMO_TENANT_ID, domain, "Contoso Demo");
        Random random = new Random(20261125L);
        SimUser admin = UserFactory.member(Ids.next(random), "admin@" + domain, "Demo", "Admin", "admin")
                .set("jobTitle", "IT Administrator").set("department", "Operations")
                .set("officeLocation", "Berlin HQ").set("companyName", "Contoso Demo")
                .password(M365Simulator.DEMO_ADMIN_PASSWORD).admin(true);
        tenant.add(admin);
        Map<String, List<SimUser>> byDepartment = new LinkedHashMap<>();
        List<Person> people = DemoPeople.MEMBERS;
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            int dept = i % DemoPeople.DEPARTMENTS.size();
            List<String> office = DemoPeople.OFFICES.get(i % DemoPeople.OFFICES.size());
            SimUser user = UserFactory.member(Ids.next(random), p.nickname() + "@" + domain, p.givenName(),
                    p.surname(), p.nickname());
            String department = DemoPeople.DEPARTMENTS.get(dept);
            List<SimUser> colleagues = byDepartment.computeIfAbsent(department, d -> new ArrayList<>());
            String title = colleagues.isEmpty() ? "Head of " + department : DemoPeople.TITLES.get(dept);
            user.set("department", department).set("companyName", "Contoso Demo")
                    .set("officeLocation", office.get(0)).set("streetAddress", office.get(1)).set("city", office.get(2))
                    .set("postalCode", office.get(3)).set("country", office.get(4)).set("usageLocation", office.get(5))
                    .set("employeeId", String.format("E%05d", 1000 + i)).set("employeeType", "Employee")
                    .set("jobTitle", i % 11 == 5 ? null : title)
                    .set("businessPhones", i % 5 == 4 ? List.of() : List.of(office.get(6) + String.format(" %04d", 100 + i)))
                    .set("mobilePhone", i % 4 == 0 ? String.format("+49 170 555 %04d", i) : null)
                    .set("accountEnabled", i != 13 && i != 41)
                    .set("assignedLicenses", i % 9 == 8 ? List.of()
                            : List.of(Map.of("skuId", LICENCE_E3, "disabledPlans", List.of())))
                    .set("onPremisesExtensionAttributes", UserFactory.extensionAttributes(
                            "CC-" + (100 + dept * 10), i % 3 == 0 ? "she/her" : null))
                    .password(M365Simulator.DEMO_MEMBER_PASSWORD);
            if (i % 3 == 0) {
                user.photo(PhotoMaker.initials(initials(p), i * 47));
            }
            colleagues.add(user);
            tenant.add(user);
        }
        for (List<SimUser> colleagues : byDepartment.values()) {
            SimUser head = colleagues.get(0);
            head.manager(admin.id());
            colleagues.stream().skip(1).forEach(u -> u.manager(head.id()));
        }
        for (Person g : DemoPeople.GUESTS) {
            tenant.add(UserFactory.guest(Ids.next(random), g, domain));
        }
        addGroups(tenant, byDepartment, random);
        tenant.add(new RegisteredApp(M365Simulator.DEMO_CLIENT_ID, M365Simulator.DEMO_CLIENT_SECRET, "Signet (demo)",
                List.of("http://localhost/_sim/callback", "http://127.0.0.1/_sim/callback",
                        "http://localhost/login/oauth2/code/microsoft", "http://127.0.0.1/login/oauth2/code/microsoft"),
                RegisteredApp.DEFAULT_APPLICATION_PERMISSIONS)
                // What Signet's desktop agent registers: the system browser's loopback and the Windows broker (WAM).
                .withPublicClient(List.of("http://localhost",
                        "ms-appx-web://microsoft.aad.brokerplugin/" + M365Simulator.DEMO_CLIENT_ID)));
        return tenant;
    }

    private static void addGroups(Tenant tenant, Map<String, List<SimUser>> byDepartment, Random random) {
        SimGroup allStaff = group(random, "All Staff", "Everyone at Contoso Demo (nests the department groups)");
        SimGroup leadership = group(random, "Leadership", "Department heads");
        for (Map.Entry<String, List<SimUser>> e : byDepartment.entrySet()) {
            SimGroup department = group(random, e.getKey(), "Department " + e.getKey());
            e.getValue().forEach(u -> department.member(u.id()));
            allStaff.member(department.id());
            leadership.member(e.getValue().get(0).id());
            tenant.add(department);
        }
        allStaff.member(tenant.userByUpn("admin@" + tenant.domain()).id());
        SimGroup pilot = group(random, "Signature Pilot", "People trying Signet first; nests Leadership");
        pilot.member(leadership.id());
        tenant.users().stream().skip(5).limit(6).forEach(u -> pilot.member(u.id()));
        SimGroup guests = group(random, "Partners", "Guest accounts");
        tenant.users().stream().filter(u -> "Guest".equals(u.text("userType"))).forEach(u -> guests.member(u.id()));
        tenant.add(allStaff).add(leadership).add(pilot).add(guests);
    }

    private static SimGroup group(Random random, String name, String description) {
        return SimGroup.of(name).set("id", Ids.next(random)).set("description", description);
    }

    private static String initials(Person p) {
        String[] parts = p.nickname().split("[._]");
        return (parts[0].substring(0, 1) + (parts.length > 1 ? parts[1].substring(0, 1) : "")).toUpperCase();
    }
}
