package dev.ferry.bench;

import java.util.List;
import java.util.Objects;

/**
 * Checks, once per trial before measuring, that Ferry and hand-written JDBC return the same data, so
 * the two sides of each benchmark do the same work. Throws (and so fails the trial) on any difference.
 */
public final class Verify {

    private Verify() {
    }

    /** The mapping benchmark: the same parents, field by field, in the same order. */
    public static String sameParents(List<Parent> ferry, List<ParentRow> jdbc, List<Parent> jdbcHolder) {
        check(ferry.size() == jdbc.size() && jdbc.size() == jdbcHolder.size(),
                "parent counts differ: ferry " + ferry.size() + ", jdbc " + jdbc.size() + ", jdbcHolder " + jdbcHolder.size());
        check(ferry.size() == BenchDatabase.PARENTS, "expected " + BenchDatabase.PARENTS + " parents, got " + ferry.size());
        for (int i = 0; i < ferry.size(); i++) {
            Parent f = ferry.get(i);
            ParentRow j = jdbc.get(i);
            Parent h = jdbcHolder.get(i);
            check(f.id() == j.id() && Objects.equals(f.name(), j.name()) && Objects.equals(f.score(), j.score())
                    && Objects.equals(f.createdAt(), j.createdAt()), "parent " + i + " differs: " + f + " vs " + j);
            check(f.id() == h.id() && Objects.equals(f.name(), h.name()) && Objects.equals(f.score(), h.score())
                    && Objects.equals(f.createdAt(), h.createdAt()), "parent " + i + " differs: " + f + " vs " + h);
            check(!f.children().isLoaded(), "Ferry loaded children without a prefetch");
        }
        return ferry.size() + " parents, identical";
    }

    /** The prefetch benchmark: the same parents, children and grandchildren, in the same order. */
    public static String sameTree(List<Parent> ferry, List<ParentTree> jdbc) {
        return sameTree(ferry, jdbc, BenchDatabase.PARENTS_WITH_CHILDREN);
    }

    /** The page benchmarks: as {@link #sameTree(List, List)} for the first 25 parents. */
    public static String samePage(List<Parent> ferry, List<ParentTree> jdbc) {
        return sameTree(ferry, jdbc, (int) PrefetchBenchmark.PAGE_MAX_ID);
    }

    private static String sameTree(List<Parent> ferry, List<ParentTree> jdbc, int parents) {
        check(ferry.size() == jdbc.size(), "parent counts differ: ferry " + ferry.size() + ", jdbc " + jdbc.size());
        int children = 0;
        int grandchildren = 0;
        for (int i = 0; i < ferry.size(); i++) {
            Parent f = ferry.get(i);
            ParentTree j = jdbc.get(i);
            check(f.id() == j.id() && Objects.equals(f.name(), j.name()) && Objects.equals(f.score(), j.score())
                    && Objects.equals(f.createdAt(), j.createdAt()), "parent " + i + " differs: " + f + " vs " + j);
            check(f.children().isLoaded(), "children of parent " + f.id() + " were not prefetched");
            List<Child> fc = f.children().get();
            check(fc.size() == j.children().size(), "children of parent " + f.id() + " differ in number");
            for (int k = 0; k < fc.size(); k++) {
                Child c = fc.get(k);
                ChildTree d = j.children().get(k);
                check(c.id() == d.id() && (Long) c.parent().id() == d.parentId() && Objects.equals(c.label(), d.label())
                        && c.position() == d.position() && Objects.equals(c.value(), d.value()),
                        "child " + c.id() + " differs: " + c + " vs " + d);
                check(c.grandchildren().isLoaded(), "grandchildren of child " + c.id() + " were not prefetched");
                List<Grandchild> fg = c.grandchildren().get();
                check(fg.size() == d.grandchildren().size(), "grandchildren of child " + c.id() + " differ in number");
                for (int m = 0; m < fg.size(); m++) {
                    Grandchild g = fg.get(m);
                    GrandchildTree e = d.grandchildren().get(m);
                    check(g.id() == e.id() && (Long) g.child().id() == e.childId() && Objects.equals(g.note(), e.note())
                            && Objects.equals(g.weight(), e.weight()), "grandchild " + g.id() + " differs: " + g + " vs " + e);
                }
                grandchildren += fg.size();
            }
            children += fc.size();
        }
        check(ferry.size() == parents && children == parents * BenchDatabase.CHILDREN_PER_PARENT
                        && grandchildren == children * BenchDatabase.GRANDCHILDREN_PER_CHILD,
                "unexpected sizes: " + ferry.size() + " parents, " + children + " children, " + grandchildren + " grandchildren");
        return ferry.size() + " parents, " + children + " children, " + grandchildren + " grandchildren, identical";
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("benchmark sides disagree: " + message);
        }
    }
}
