package dev.ferry.exec;

import dev.ferry.model.EntityModel;
import dev.ferry.model.HolderBatch;
import dev.ferry.model.Property;
import dev.ferry.model.Ref;
import dev.ferry.query.Paths;
import dev.ferry.sql.Layout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Maps the rows of one statement by its {@link Layout}: the root entity, the to-one entities joined
 * into it (read first, so the root's refs are born loaded), and annotations. Objects already in the
 * load's identity map are reused without reading their columns again.
 */
public final class RowMapper<T> {

    private final Node root;
    private final int keyColumn;
    private final int keyCode;
    private final ColumnReader keyOther;

    /**
     * @param keyType     the Java type of the parent key in column {@code layout.keyColumn()}; null when there is none
     * @param uniqueRoots whether the statement returns each root row once (not a many-to-many level)
     */
    public RowMapper(Layout layout, RowGroup<T> group, Readers readers, Class<?> keyType, boolean uniqueRoots) {
        // Rows of an entity new to the load, that the statement returns once and does not also join,
        // need no identity map: they are indexed later only if the entity shows up again.
        Load load = group.load();
        boolean indexed = !uniqueRoots || load.seen(layout.root().model()) || joins(layout.root(), layout.root().model());
        this.root = node(layout.root(), group, readers, layout.computed(), indexed);
        this.keyColumn = layout.keyColumn();
        Class<?> boxedKey = keyType == null ? Object.class : Paths.boxed(keyType);
        this.keyCode = ColumnReader.code(boxedKey);
        this.keyOther = ColumnReader.of(boxedKey);
    }

    /** The key of the root entity of the last row read. */
    private Object lastId;

    /** The key of the root entity of the row last {@link #read}: the parent key of a to-one prefetch. */
    public Object lastId() {
        return lastId;
    }

    /** The parent key in the key column of the current row (many-to-many prefetch statements). */
    public Object key(ResultSet rs) throws SQLException {
        return ColumnReader.read(rs, keyColumn, keyCode, keyOther);
    }

    /** The root entity of the current row, new or from the identity map; added to the root group. */
    @SuppressWarnings("unchecked")
    public T read(ResultSet rs) throws SQLException {
        lastId = root.reader.readId(rs, root.start);
        return (T) read(root, rs, lastId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(Node n, ResultSet rs, Object id) throws SQLException {
        if (id == null) {
            return null;
        }
        if (n.identity != null) {
            Object existing = n.identity.get(id);
            if (existing != null) {
                n.group.addShared(existing);
                completeJoins(n, rs, existing);
                return existing;
            }
        }
        Object[] joined = null;
        if (n.children.length > 0) {
            joined = n.scratch;
            for (int i = 0; i < n.children.length; i++) {
                Node c = n.children[i];
                Object child = read(c, rs, c.reader.readId(rs, c.start));
                joined[n.via[i]] = child == null ? EntityReader.JOINED_NULL : child;
            }
        }
        Object obj = n.reader.read(rs, n.start, id, n.group, joined, n.computedCols, n.computedRead);
        if (n.identity != null) {
            n.identity.put(id, obj);
        }
        n.group.add(obj);
        return obj;
    }

    /**
     * An object met again through a path that joins more than the first one did (a taxon first read
     * as a parent, then as a classification's taxon with its own parent joined): its unloaded to-one
     * holders are filled from this row, so no path finds a hole another path loaded.
     */
    private static void completeJoins(Node n, ResultSet rs, Object existing) throws SQLException {
        for (int i = 0; i < n.children.length; i++) {
            Ref<?> ref = (Ref<?>) n.viaProps[i].read(existing);
            if (!ref.isLoaded()) {
                Node c = n.children[i];
                Holders.fillRef(ref, read(c, rs, c.reader.readId(rs, c.start)));
            }
        }
    }

    /** Gives the mapper the loader's right to fill holders. */
    private abstract static class Holders extends HolderBatch {
        static void fillRef(Ref<?> ref, Object value) {
            fill(ref, value);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class Node {
        EntityReader reader;
        int start;
        RowGroup group;
        Map<Object, Object> identity;
        Node[] children;
        int[] via;
        Property[] viaProps;
        Object[] scratch;
        int[] computedCols;
        ColumnReader[] computedRead;
    }

    /** Whether an entity joined below {@code node} is of {@code model}. */
    private static boolean joins(Layout.Node node, EntityModel<?> model) {
        for (Layout.Node c : node.children()) {
            if (c.model() == model || joins(c, model)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Node node(Layout.Node l, RowGroup<?> group, Readers readers, List<Layout.Computed> computed,
                             boolean indexed) {
        Node n = new Node();
        n.reader = readers.of(l.model());
        n.start = l.start();
        n.group = group;
        if (indexed) {
            n.identity = group.load().identity(l.model());
        } else {
            group.load().unindexed(l.model(), group);
        }
        n.children = new Node[l.children().size()];
        n.via = new int[l.children().size()];
        n.viaProps = new Property[l.children().size()];
        for (int i = 0; i < n.children.length; i++) {
            Layout.Node c = l.children().get(i);
            String path = group.path().isEmpty() ? c.via().name() : group.path() + "." + c.via().name();
            RowGroup<?> childGroup = new RowGroup<>((EntityModel) c.model(), group.load(), path);
            n.children[i] = node(c, childGroup, readers, List.of(), true);
            n.via[i] = c.via().property().index();
            n.viaProps[i] = c.via().property();
        }
        n.scratch = new Object[l.model().properties().size()];
        if (!computed.isEmpty()) {
            Property[] props = n.reader.computedProps();
            n.computedCols = new int[props.length];
            n.computedRead = new ColumnReader[props.length];
            for (Layout.Computed c : computed) {
                for (int i = 0; i < props.length; i++) {
                    if (props[i] == c.target()) {
                        n.computedCols[i] = c.column();
                        n.computedRead[i] = ColumnReader.of(props[i].type());
                    }
                }
            }
        }
        return n;
    }
}
