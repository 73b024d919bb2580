package io.signet.m365sim.data;

import io.signet.m365sim.SimGroup;
import io.signet.m365sim.SimUser;
import io.signet.m365sim.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic tenant of N users (up to 100,000 and more) for benchmarks: the same seed always gives
 * the same users, ids and groups. Users carry fewer properties than the demo's to keep memory low.
 */
public final class GeneratedTenant {
    private static final String[] GIVEN = {"Anna", "Ben", "Chloé", "Dariusz", "Elif", "Felix", "Greta", "Hiro",
        "Ines", "Jan", "Kasia", "Lars", "Mia", "Noah", "Olga", "Pia", "Quentin", "Rosa", "Sven", "Tomasz", "Uma",
        "Viktor", "Wanda", "Xenia", "Yuki", "Zoë"};
    private static final String[] SURNAMES = {"Adler", "Bauer", "Costa", "Dąbrowska", "Eriksen", "Fischer",
        "García", "Horvath", "Ito", "Jensen", "Kowalski", "Lehmann", "Meyer", "Nowak", "Olsen", "Petrov",
        "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Vogel", "Wójcik", "Xu", "Yilmaz", "Zieliński"};
    private static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Human Resources",
        "Legal", "Operations", "Support", "Research", "Procurement", "Logistics", "Facilities"};
    private static final String[] OFFICES = {"Berlin", "Warsaw", "Tokyo", "Lisbon", "Chicago"};

    private GeneratedTenant() {
    }

    public static Tenant create(int userCount, long seed) {
        Random random = new Random(seed);
        String domain = "bench" + Long.toHexString(seed) + ".onmicrosoft.com";
        Tenant tenant = new Tenant(Ids.next(random), domain, "Benchmark tenant " + seed);
        fill(tenant, userCount, random);
        if (!tenant.users().isEmpty()) {
            tenant.users().get(0).admin(true);
        }
        return tenant;
    }

    /**
     * The users and groups {@link #create} makes, for an existing tenant and under its domain, without an admin.
     * The tenant id is mixed into the seed, so two tenants filled with the same seed share no id.
     */
    public static Tenant into(String tenantId, String domain, int userCount, long seed) {
        Tenant content = new Tenant(tenantId, domain, null);
        fill(content, userCount, new Random(seed ^ ((long) tenantId.hashCode() << 32)));
        return content;
    }

    private static void fill(Tenant tenant, int userCount, Random random) {
        String domain = tenant.domain();
        List<List<String>> departmentMembers = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            departmentMembers.add(new ArrayList<>());
        }
        String[] heads = new String[DEPARTMENTS.length];
        for (int i = 0; i < userCount; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            int dept = random.nextInt(DEPARTMENTS.length);
            String nickname = ascii(given) + "." + ascii(surname) + "." + i;
            String upn = nickname + "@" + domain;
            SimUser user = SimUser.of(upn, given + " " + surname).set("id", Ids.next(random))
                    .set("givenName", given).set("surname", surname).set("mail", upn)
                    .set("jobTitle", random.nextInt(10) == 0 ? null : "Specialist " + (1 + random.nextInt(5)))
                    .set("department", DEPARTMENTS[dept]).set("officeLocation", OFFICES[random.nextInt(OFFICES.length)])
                    .set("businessPhones", random.nextInt(5) == 0 ? List.of() : List.of("+1 555 " + (100000 + i)))
                    .set("accountEnabled", random.nextInt(50) != 0)
                    .set("assignedLicenses", random.nextInt(20) == 0 ? List.of()
                            : List.of(Map.of("skuId", DemoTenant.LICENCE_E3, "disabledPlans", List.of())))
                    .password("Bench-" + i);
            if (heads[dept] == null) {
                heads[dept] = user.id();
            } else {
                user.manager(heads[dept]);
            }
            departmentMembers.get(dept).add(user.id());
            tenant.add(user);
        }
        SimGroup everyone = SimGroup.of("All Employees").set("id", Ids.next(random));
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            SimGroup group = SimGroup.of(DEPARTMENTS[d]).set("id", Ids.next(random));
            departmentMembers.get(d).forEach(group::member);
            everyone.member(group.id());
            tenant.add(group);
        }
        tenant.add(everyone);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ł", "l").replace("ń", "n").toLowerCase();
    }
}
