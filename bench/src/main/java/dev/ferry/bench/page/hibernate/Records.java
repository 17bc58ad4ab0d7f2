package dev.ferry.bench.page.hibernate;

import dev.ferry.antenna.model.Algorithm;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.antenna.model.User;
import dev.ferry.bench.page.AntennaRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded entities as the antenna records the list serializer reads, one record per taxon, user and
 * algorithm per page. One instance per page.
 */
final class Records {

    private final Map<Long, Taxon> taxa = new HashMap<>();
    private final Map<Long, User> users = new HashMap<>();
    private final Map<Long, Algorithm> algorithms = new HashMap<>();

    Occurrence occurrence(HibernateStrategy.PageRow row, List<Identification> identifications,
                          List<Classification> classifications) {
        OccurrenceEntity o = row.occurrence();
        EventEntity e = o.getEvent();
        DeploymentEntity d = o.getDeployment();
        return AntennaRecords.occurrence(o.getId(), o.getCreatedAt(), o.getUpdatedAt(), taxon(o.getDetermination()),
                o.getDeterminationScore(), e == null ? null : AntennaRecords.event(e.getId(), e.getStart(), e.getEnd()),
                d == null ? null : AntennaRecords.deployment(d.getId(), d.getName()), identifications, classifications,
                row.detections(), row.firstAppearance(), row.lastAppearance(), row.firstAppearanceTime(),
                row.firstDetectionPath());
    }

    Identification identification(IdentificationEntity i) {
        return AntennaRecords.identification(i.getId(), i.getCreatedAt(), taxon(i.getTaxon()), user(i.getUser()),
                i.isWithdrawn(), i.getComment());
    }

    Classification classification(ClassificationEntity c) {
        return AntennaRecords.classification(c.getId(), c.getCreatedAt(), taxon(c.getTaxon()), c.getScore(),
                c.isTerminal(), algorithm(c.getAlgorithm()));
    }

    /** A taxon with its parent (fetched by the same query); a taxon seen only as a parent so far is rebuilt. */
    private Taxon taxon(TaxonEntity t) {
        if (t == null) {
            return null;
        }
        Taxon known = taxa.get(t.getId());
        if (known != null && known.parent().isLoaded()) {
            return known;
        }
        TaxonEntity p = t.getParent();
        Taxon parent = p == null ? null : taxa.computeIfAbsent(p.getId(), id -> shownAsParent(p));
        Taxon taxon = AntennaRecords.taxon(t.getId(), t.getName(), t.getRank(), parent, t.getParentsJson(),
                t.getGbifTaxonKey(), t.getInatTaxonId(), t.getFieldguideId(), t.getCoverImageUrl(), t.getCoverImageCredit());
        taxa.put(t.getId(), taxon);
        return taxon;
    }

    /** The list shows a parent without its own parent: only the grandparent's id is read (no proxy initialised). */
    private static Taxon shownAsParent(TaxonEntity p) {
        TaxonEntity grandparent = p.getParent();
        return AntennaRecords.taxonShownAsParent(p.getId(), p.getName(), p.getRank(), p.getParentsJson(),
                p.getGbifTaxonKey(), p.getInatTaxonId(), p.getFieldguideId(), p.getCoverImageUrl(), p.getCoverImageCredit(),
                grandparent == null ? null : grandparent.getId());
    }

    private User user(UserEntity u) {
        return u == null ? null : users.computeIfAbsent(u.getId(), id -> AntennaRecords.user(id, u.getName(), u.getImage()));
    }

    private Algorithm algorithm(AlgorithmEntity a) {
        if (a == null) {
            return null;
        }
        return algorithms.computeIfAbsent(a.getId(), id -> AntennaRecords.algorithm(id, a.getCreatedAt(), a.getUpdatedAt(),
                a.getName(), a.getKey(), a.getTaskType(), a.getDescription(), a.getVersion(), a.getVersionName(),
                a.getUri(), a.getCategoryMapId() == null ? null : AntennaRecords.categoryMap(a.getCategoryMapId())));
    }
}
