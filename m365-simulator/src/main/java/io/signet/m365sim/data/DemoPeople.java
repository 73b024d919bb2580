package io.signet.m365sim.data;

import java.util.List;

/** The demo tenant's people: names in several scripts, with the ASCII mail nickname each one uses. */
final class DemoPeople {
    record Person(String givenName, String surname, String nickname) {
        String displayName() {
            return surname.isEmpty() ? givenName : givenName + " " + surname;
        }
    }

    private DemoPeople() {
    }

    static final List<Person> MEMBERS = List.of(
            new Person("Alex", "Wilber", "alex.wilber"),
            new Person("Adele", "Vance", "adele.vance"),
            new Person("Megan", "Bowen", "megan.bowen"),
            new Person("Nestor", "Wilke", "nestor.wilke"),
            new Person("Isaiah", "Langer", "isaiah.langer"),
            new Person("Lidia", "Holloway", "lidia.holloway"),
            new Person("José", "García", "jose.garcia"),
            new Person("Chloé", "Dubois", "chloe.dubois"),
            new Person("François", "Lefèvre", "francois.lefevre"),
            new Person("Inès", "Moreau", "ines.moreau"),
            new Person("Łukasz", "Wiśniewski", "lukasz.wisniewski"),
            new Person("Małgorzata", "Wójcik", "malgorzata.wojcik"),
            new Person("Paweł", "Dąbrowski", "pawel.dabrowski"),
            new Person("Zofia", "Kowalczyk", "zofia.kowalczyk"),
            new Person("Grzegorz", "Brzęczyszczykiewicz", "grzegorz.brzeczyszczykiewicz"),
            new Person("Agnieszka", "Żółkiewska", "agnieszka.zolkiewska"),
            new Person("Jürgen", "Müller", "juergen.mueller"),
            new Person("Günther", "Groß", "guenther.gross"),
            new Person("Jörg", "Weiß", "joerg.weiss"),
            new Person("Anke", "Schäfer", "anke.schaefer"),
            new Person("Björn", "Köhler", "bjoern.koehler"),
            new Person("Dörte", "Fußmann", "doerte.fussmann"),
            new Person("Γιώργος", "Παπαδόπουλος", "giorgos.papadopoulos"),
            new Person("Ελένη", "Νικολάου", "eleni.nikolaou"),
            new Person("Δημήτρης", "Οικονόμου", "dimitris.oikonomou"),
            new Person("太郎", "山田", "taro.yamada"),
            new Person("花子", "佐藤", "hanako.sato"),
            new Person("一郎", "鈴木", "ichiro.suzuki"),
            new Person("美咲", "高橋", "misaki.takahashi"),
            new Person("Søren", "Kierkegård", "soren.kierkegard"),
            new Person("Åsa", "Lindqvist", "asa.lindqvist"),
            new Person("Núria", "Puig", "nuria.puig"),
            new Person("João", "Conceição", "joao.conceicao"),
            new Person("Zoë", "O'Brien", "zoe.obrien"),
            new Person("Siobhán", "Ní Bhriain", "siobhan.nibhriain"),
            new Person("Ömer", "Yılmaz", "omer.yilmaz"),
            new Person("Ayşe", "Çelik", "ayse.celik"),
            new Person("Tomáš", "Dvořák", "tomas.dvorak"),
            new Person("Jiří", "Novák", "jiri.novak"),
            new Person("Ádám", "Kovács", "adam.kovacs"),
            new Person("Priya", "Raman", "priya.raman"),
            new Person("Wei", "Zhang", "wei.zhang"),
            new Person("Olga", "Ivanova", "olga.ivanova"),
            new Person("Henrietta", "Mueller", "henrietta.mueller"),
            new Person("Pradeep", "Gupta", "pradeep.gupta"),
            new Person("Diego", "Siciliani", "diego.siciliani"),
            new Person("Patti", "Fernandez", "patti.fernandez"),
            new Person("Lee", "Gu", "lee.gu"),
            new Person("Lynne", "Robbins", "lynne.robbins"),
            new Person("Miriam", "Graham", "miriam.graham"),
            new Person("Grady", "Archie", "grady.archie"),
            new Person("Johanna", "Lorenz", "johanna.lorenz"),
            new Person("Joni", "Sherman", "joni.sherman"),
            new Person("Irvin", "Sayers", "irvin.sayers"),
            new Person("Enrico", "Cattaneo", "enrico.cattaneo"),
            new Person("Christie", "Cline", "christie.cline"),
            new Person("Debra", "Berger", "debra.berger"),
            new Person("Emily", "Braun", "emily.braun"),
            new Person("Allan", "Deyoung", "allan.deyoung"),
            new Person("Cameron", "White", "cameron.white"));

    /** Guests: people from partner organisations, invited with #EXT# user principal names. */
    static final List<Person> GUESTS = List.of(
            new Person("Kenji", "Watanabe", "kenji.watanabe_fabrikam.com"),
            new Person("Marie", "Lambert", "marie.lambert_adatum.fr"),
            new Person("Sam", "Taylor", "sam.taylor_gmail.com"));

    static final List<String> DEPARTMENTS = List.of("Sales", "Marketing", "Engineering", "Finance",
            "Human Resources", "Legal", "Operations");

    static final List<String> TITLES = List.of("Account Executive", "Marketing Specialist", "Software Engineer",
            "Accountant", "HR Business Partner", "Counsel", "Operations Analyst");

    /** office location, street address, city, postal code, country, usage location, phone prefix */
    static final List<List<String>> OFFICES = List.of(
            List.of("Berlin HQ", "Friedrichstraße 68", "Berlin", "10117", "Germany", "DE", "+49 30 5550"),
            List.of("Warsaw", "ul. Marszałkowska 104", "Warszawa", "00-017", "Poland", "PL", "+48 22 555"),
            List.of("Tokyo", "1-1-2 Marunouchi, Chiyoda-ku", "Tokyo", "100-0005", "Japan", "JP", "+81 3 5555"));
}
