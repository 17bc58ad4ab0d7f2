package dev.ferry.antenna.seed;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The taxon tree: class Insecta → order Lepidoptera → 20 real moth families (the big ones with
 * real subfamilies, some with tribes) → generated genera → generated species, plus five other
 * insect orders that people use to identify non-moths, and the "Not Lepidoptera" label of the
 * moth / non-moth classifier. Genus and species names are invented from syllables and Latin
 * epithets, unique across the table. Ids are assigned depth-first from 1, so parents come
 * before their children.
 */
final class Taxonomy {

    /** One taxon; {@code id} is final once the tree is numbered. */
    static final class Taxon {
        long id;
        final String name;
        final String rank;
        final Taxon parent;
        final List<Taxon> children = new ArrayList<>();
        double weight; // genus slots: share of the genera placed here

        Taxon(String name, String rank, Taxon parent) {
            this.name = name;
            this.rank = rank;
            this.parent = parent;
            if (parent != null) {
                parent.children.add(this);
            }
        }
    }

    // name, relative size (share of genera), subfamilies; a subfamily "Name:Tribe1,Tribe2" has tribes.
    private static final Object[][] FAMILIES = {
        {"Noctuidae", 16, new String[] {"Noctuinae:Noctuini,Xylenini", "Hadeninae", "Plusiinae", "Acronictinae", "Amphipyrinae"}},
        {"Erebidae", 14, new String[] {"Arctiinae:Arctiini,Lithosiini,Syntomini", "Erebinae", "Lymantriinae", "Hypeninae", "Herminiinae"}},
        {"Geometridae", 14, new String[] {"Ennominae:Boarmiini,Ourapterygini", "Larentiinae:Cidariini,Eupitheciini", "Geometrinae", "Sterrhinae"}},
        {"Crambidae", 6, new String[] {"Crambinae", "Spilomelinae", "Pyraustinae"}},
        {"Tortricidae", 6, new String[] {"Tortricinae", "Olethreutinae"}},
        {"Notodontidae", 5, new String[] {"Notodontinae", "Heterocampinae"}},
        {"Pyralidae", 4, new String[0]},
        {"Sphingidae", 3, new String[0]},
        {"Limacodidae", 3, new String[0]},
        {"Gelechiidae", 3, new String[0]},
        {"Saturniidae", 2, new String[0]},
        {"Lasiocampidae", 2, new String[0]},
        {"Drepanidae", 2, new String[0]},
        {"Nolidae", 2, new String[0]},
        {"Depressariidae", 2, new String[0]},
        {"Euteliidae", 1, new String[0]},
        {"Oecophoridae", 1, new String[0]},
        {"Pterophoridae", 1, new String[0]},
        {"Zygaenidae", 1, new String[0]},
        {"Megalopygidae", 1, new String[0]},
    };
    private static final String[] OTHER_ORDERS = {"Trichoptera", "Diptera", "Coleoptera", "Hymenoptera", "Hemiptera"};

    private static final String[] GENUS_START = {"Ac", "Agr", "Am", "Anth", "Ap", "Ar", "Cal", "Cat", "Chl", "Cos",
        "Cr", "Eu", "Hyp", "Lith", "Mel", "Neo", "Pal", "Par", "Phal", "Pol", "Pter", "Sch", "Spil", "Tet", "Xan", "Zal"};
    private static final String[] GENUS_MIDDLE = {"a", "e", "i", "o", "y", "ia", "eo", "ara", "ici"};
    private static final String[] GENUS_END = {"ptera", "phila", "nia", "gramma", "noctua", "metra", "tis", "sia",
        "ophora", "odes", "ella", "ana", "ina", "ota", "ura", "stola", "chroa", "campa"};
    private static final String[] EPITHETS = {"alba", "americana", "bicolor", "borealis", "canadensis", "cinerea",
        "costalis", "decorata", "fasciata", "ferruginea", "flavida", "fumosa", "grandis", "grisea", "interrupta",
        "lineata", "lunata", "marginata", "minuta", "nigra", "nivea", "obscura", "ochracea", "ornata", "pallida",
        "perplexa", "punctata", "quadrata", "rosea", "rubra", "similis", "sordida", "striata", "tristis",
        "undulata", "unipuncta", "variabilis", "vermontana", "virginica", "viridis", "montana", "occidentalis",
        "orientalis", "palustris", "pulchella", "semifasciata", "tenuis", "velutina"};
    private static final String[] AUTHORS = {"(Linnaeus, 1758)", "Guenée, 1852", "(Walker, 1858)", "Hübner, 1818",
        "Grote, 1874", "(Smith, 1890)", "Packard, 1873", "(Fabricius, 1775)", "McDunnough, 1943",
        "Barnes & McDunnough, 1912", "(Harvey, 1876)", "Ferguson, 1985"};
    private static final String[] COMMON_ADJ = {"Rosy", "Gray", "Banded", "Lesser", "Greater", "Spotted", "Common",
        "Black", "Yellow", "Green", "Pale", "Dusky", "Small", "Large", "Northern", "Eastern", "Lined", "Marbled",
        "Silver", "Golden"};
    private static final String[] COMMON_NOUN = {"Dagger Moth", "Underwing", "Looper", "Carpet", "Wave", "Pug",
        "Prominent", "Tiger Moth", "Footman", "Dart", "Sallow", "Quaker", "Emerald", "Tussock Moth", "Sphinx",
        "Owlet", "Snout", "Grass-veneer", "Plume Moth", "Leafroller"};

    final List<Taxon> all = new ArrayList<>();
    private Taxon[] byId; // filled once the tree is numbered
    final Taxon lepidoptera;
    final Taxon notLepidoptera;
    final List<Taxon> otherOrders = new ArrayList<>();
    final Taxon[] species;
    private final Map<String, Taxon> byName = new LinkedHashMap<>();
    private final double[] speciesCdf; // abundance: Zipf-like over a seeded permutation
    private final SplittableRandom rng;

    private Taxonomy(int speciesCount, SplittableRandom rng) {
        this.rng = rng;
        Taxon insecta = new Taxon("Insecta", "CLASS", null);
        lepidoptera = new Taxon("Lepidoptera", "ORDER", insecta);
        List<Taxon> slots = new ArrayList<>(); // where genera go: tribes, else subfamilies, else families
        for (Object[] f : FAMILIES) {
            Taxon family = new Taxon((String) f[0], "FAMILY", lepidoptera);
            List<Taxon> familySlots = new ArrayList<>();
            for (String sub : (String[]) f[2]) {
                String[] parts = sub.split(":");
                Taxon subfamily = new Taxon(parts[0], "SUBFAMILY", family);
                if (parts.length == 1) {
                    familySlots.add(subfamily);
                } else {
                    for (String tribe : parts[1].split(",")) {
                        familySlots.add(new Taxon(tribe, "TRIBE", subfamily));
                    }
                }
            }
            if (familySlots.isEmpty()) {
                familySlots.add(family);
            }
            for (Taxon slot : familySlots) {
                slot.weight = ((Integer) f[1]).doubleValue() / familySlots.size();
            }
            slots.addAll(familySlots);
        }
        for (String order : OTHER_ORDERS) {
            otherOrders.add(new Taxon(order, "ORDER", insecta));
        }
        notLepidoptera = new Taxon("Not Lepidoptera", "UNKNOWN", insecta);

        Set<String> names = new HashSet<>();
        collectNames(insecta, names);
        double[] slotCdf = cumulative(slots.stream().mapToDouble(s -> s.weight).toArray());
        int made = 0;
        while (made < speciesCount) {
            Taxon slot = slots.get(pick(slotCdf, rng.nextDouble()));
            Taxon genus = new Taxon(uniqueGenusName(names), "GENUS", slot);
            int n = 1;
            while (n < 12 && rng.nextDouble() < 0.7) {
                n++;
            }
            n = Math.min(n, speciesCount - made);
            List<String> epithets = new ArrayList<>(Arrays.asList(EPITHETS));
            for (int i = 0; i < n; i++) {
                String epithet = epithets.remove(rng.nextInt(epithets.size()));
                new Taxon(genus.name + " " + epithet, "SPECIES", genus); // unique: the genus is
            }
            made += n;
        }

        number(insecta);
        species = all.stream().filter(t -> t.rank.equals("SPECIES")).toArray(Taxon[]::new);
        byId = new Taxon[all.size() + 1];
        for (Taxon t : all) {
            byName.put(t.name, t);
            byId[(int) t.id] = t;
        }
        // A few species are common and most are rare: weight 1/(rank+1) over a shuffled order.
        double[] weights = new double[species.length];
        int[] order = shuffled(species.length, rng);
        for (int r = 0; r < order.length; r++) {
            weights[order[r]] = 1.0 / StrictMath.pow(r + 1, 0.9);
        }
        speciesCdf = cumulative(weights);
    }

    static Taxonomy build(int speciesCount, SplittableRandom rng) {
        return new Taxonomy(speciesCount, rng);
    }

    /** The taxon numbered {@code id}. */
    Taxon byId(long id) {
        return byId[(int) id];
    }

    Taxon named(String name) {
        Taxon t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no taxon " + name);
        }
        return t;
    }

    /** A species, drawn by abundance. */
    Taxon sampleSpecies(SplittableRandom r) {
        return species[pick(speciesCdf, r.nextDouble())];
    }

    /** A look-alike: another species of the same genus when there is one, else any species. */
    Taxon lookAlike(Taxon sp, SplittableRandom r) {
        List<Taxon> siblings = sp.parent.children;
        if (siblings.size() > 1) {
            Taxon other = siblings.get(r.nextInt(siblings.size() - 1));
            return other == sp ? siblings.get(siblings.size() - 1) : other;
        }
        return species[r.nextInt(species.length)];
    }

    /** Writes main_taxon rows; {@code parents_json} is the ancestor chain, root first. */
    void write(CopyTable t, long createdAt) {
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        for (Taxon x : all) {
            List<Taxon> chain = new ArrayList<>();
            for (Taxon p = x.parent; p != null; p = p.parent) {
                chain.add(0, p);
            }
            StringBuilder parents = new StringBuilder("[");
            for (Taxon p : chain) {
                if (parents.length() > 1) {
                    parents.append(", ");
                }
                parents.append("{\"id\": ").append(p.id)
                        .append(", \"name\": \"").append(json.quoteAsString(p.name))
                        .append("\", \"rank\": \"").append(p.rank).append("\"}");
            }
            parents.append(']');
            boolean lowRank = x.rank.equals("SPECIES") || x.rank.equals("GENUS");
            boolean isSpecies = x.rank.equals("SPECIES");
            long ts = createdAt + x.id * Times.SECOND;
            t.num(x.id).ts(ts).ts(ts).str(x.name).str(x.rank).ref(x.parent == null ? 0 : x.parent.id)
                    .str(parents.toString()).bool(true)
                    .str(isSpecies && rng.nextDouble() < 0.25
                            ? COMMON_ADJ[rng.nextInt(COMMON_ADJ.length)] + " " + COMMON_NOUN[rng.nextInt(COMMON_NOUN.length)]
                            : null);
            if (!x.rank.equals("UNKNOWN") && rng.nextDouble() < 0.8) {
                t.num(1_000_000 + rng.nextInt(9_000_000));
            } else {
                t.nul();
            }
            if (!x.rank.equals("UNKNOWN") && rng.nextDouble() < 0.6) {
                t.num(10_000 + rng.nextInt(990_000));
            } else {
                t.nul();
            }
            if (isSpecies && rng.nextDouble() < 0.1) {
                t.str("https://static.inaturalist.example/photos/" + (100_000 + x.id) + "/medium.jpg")
                        .str("iNaturalist user " + (char) ('a' + rng.nextInt(26)) + rng.nextInt(1000));
            } else {
                t.nul().nul();
            }
            t.str(lowRank ? AUTHORS[rng.nextInt(AUTHORS.length)] : "");
            t.end();
        }
    }

    static final String COLUMNS = "id, created_at, updated_at, name, rank, parent_id, parents_json, active, "
            + "common_name_en, gbif_taxon_key, inat_taxon_id, cover_image_url, cover_image_credit, author";

    private void number(Taxon root) {
        root.id = all.size() + 1;
        all.add(root);
        for (Taxon child : root.children) {
            number(child);
        }
    }

    private static void collectNames(Taxon t, Set<String> names) {
        names.add(t.name);
        for (Taxon c : t.children) {
            collectNames(c, names);
        }
    }

    private String uniqueGenusName(Set<String> names) {
        while (true) {
            String name = GENUS_START[rng.nextInt(GENUS_START.length)]
                    + GENUS_MIDDLE[rng.nextInt(GENUS_MIDDLE.length)]
                    + GENUS_END[rng.nextInt(GENUS_END.length)];
            if (names.add(name)) {
                return name;
            }
        }
    }

    static double[] cumulative(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /** The index whose cumulative share first reaches {@code u} in [0, 1). */
    static int pick(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        i = i >= 0 ? i : -i - 1;
        return Math.min(i, cdf.length - 1);
    }

    static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }
}
