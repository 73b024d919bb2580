package io.signet.sync.generative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.sync.generative.SyncedAttributes.Attribute;
import io.signet.sync.generative.TenantSpec.Add;
import io.signet.sync.generative.TenantSpec.Address;
import io.signet.sync.generative.TenantSpec.Change;
import io.signet.sync.generative.TenantSpec.Delete;
import io.signet.sync.generative.TenantSpec.Edit;
import io.signet.sync.generative.TenantSpec.Enable;
import io.signet.sync.generative.TenantSpec.Manager;
import io.signet.sync.generative.TenantSpec.Move;
import io.signet.sync.generative.TenantSpec.Nest;
import io.signet.sync.generative.TenantSpec.Recreate;
import io.signet.sync.generative.TenantSpec.SetMail;
import io.signet.sync.generative.TenantSpec.UserSpec;
import io.signet.sync.generative.TenantSpec.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of {@link TenantSpec}s. Addresses come from a pool of eight, so that the same mail, a UPN
 * equal to another user's mail, and shared proxy addresses happen often; values come from
 * {@link MessyValues}.
 */
final class MessyTenants {

    static final int ADDRESS_SLOTS = 8;

    private MessyTenants() {
    }

    /** Tenants with manual employees typed into Signet before the first sync, or none. */
    static Arbitrary<TenantSpec> tenants(boolean withManualEmployees, int maxRounds) {
        Arbitrary<List<Address>> manual = withManualEmployees ? address().list().ofMinSize(1).ofMaxSize(4)
                : Arbitraries.just(List.of());
        return Combinators.combine(user().list().ofMinSize(3).ofMaxSize(25), Arbitraries.integers().between(0, 3),
                        Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
                                .as(Nest::new).list().ofMaxSize(4),
                        Arbitraries.integers().between(0, 2), manual,
                        change().list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(maxRounds))
                .as(TenantSpec::new);
    }

    static Arbitrary<Address> address() {
        return Combinators.combine(Arbitraries.integers().between(0, ADDRESS_SLOTS - 1), Arbitraries.integers().between(0, 2))
                .as(Address::new);
    }

    static Arbitrary<UserSpec> user() {
        Arbitrary<Address> mail = Arbitraries.frequencyOf(Tuple.of(4, address()), Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Boolean> enabled = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)));
        Arbitrary<Boolean> guest = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true)));
        return Combinators.combine(address(), mail, enabled, guest, address().list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 3).list().ofMaxSize(2), Arbitraries.integers().between(-1, 24),
                        values())
                .as(UserSpec::new);
    }

    /** A value for each varied attribute: mostly text, sometimes absent, null or "". */
    static Arbitrary<Map<String, Value>> values() {
        List<Attribute> all = SyncedAttributes.ALL;
        Arbitrary<List<Value>> list = Combinators.combine(all.stream().map(MessyTenants::value).toList())
                .as(values -> values);
        return list.map(values -> {
            Map<String, Value> byAttribute = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                byAttribute.put(all.get(i).graph(), values.get(i));
            }
            return byAttribute;
        });
    }

    static Arbitrary<Value> value(Attribute attribute) {
        Arbitrary<String> text = attribute.phone() ? MessyValues.phone(attribute.limit(), attribute.max())
                : MessyValues.text(attribute.limit(), attribute.max());
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new Value(Value.Kind.ABSENT, null))),
                Tuple.of(1, Arbitraries.just(new Value(Value.Kind.NULL, null))),
                Tuple.of(1, Arbitraries.just(new Value(Value.Kind.EMPTY, ""))),
                Tuple.of(1, Arbitraries.of(" ", "\t\n", "\u3000").map(Value::of)),
                Tuple.of(6, text.map(Value::of)));
    }

    static Arbitrary<Change> change() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 30);
        Arbitrary<Change> edit = Combinators.combine(who, Arbitraries.of(SyncedAttributes.ALL))
                .flatAs((user, attribute) -> value(attribute).map(v -> (Change) new Edit(user, attribute.graph(), v)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, edit),
                Tuple.of(2, Combinators.combine(who, Arbitraries.frequencyOf(Tuple.of(3, address()),
                        Tuple.of(1, Arbitraries.just(null)))).as(SetMail::new)),
                Tuple.of(2, Combinators.combine(who, Arbitraries.of(false, true)).as(Delete::new)),
                Tuple.of(2, Combinators.combine(who, Arbitraries.integers().between(0, 2), user()).as(Recreate::new)),
                Tuple.of(1, user().map(Add::new)),
                Tuple.of(1, Combinators.combine(who, Arbitraries.of(false, true)).as(Enable::new)),
                Tuple.of(2, Combinators.combine(who, Arbitraries.integers().between(-1, 3)).as(Move::new)),
                Tuple.of(1, Combinators.combine(who, Arbitraries.integers().between(-1, 30)).as(Manager::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
                        .as(Nest::new)));
    }
}
