package pl.ops.swiadczenia.fakty;

import java.util.Objects;

/** A person counted as a member of the family for the benefit being decided (derived by dochod_rodziny). */
public class CzlonekRodzinyUwzgledniony implements WynikModulu {
    private final String id;

    public CzlonekRodzinyUwzgledniony(String id) {
        this.id = id;
    }

    public String getId() { return id; }

    @Override
    public String klucz() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CzlonekRodzinyUwzgledniony c && Objects.equals(c.id, id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
