package pl.ops.swiadczenia.ruleset;

/**
 * One problem (or note) found in a ruleset version folder: which check found it, in which file and line, and what
 * is wrong. Errors block loading and publication; warnings are reported; notes inform.
 *
 * @param severity ERROR blocks, WARNING is reported, INFO informs
 * @param check    the check that produced it (e.g. {@code compile}, {@code parameters}, {@code legal-numbers})
 * @param file     file name inside the version folder, or null when it concerns the whole folder
 * @param line     1-based line in that file, or null
 * @param message  what is wrong, in plain words
 */
public record Finding(Severity severity, String check, String file, Integer line, String message) {

    public enum Severity { ERROR, WARNING, INFO }

    public static Finding error(String check, String file, Integer line, String message) {
        return new Finding(Severity.ERROR, check, file, line, message);
    }

    public static Finding warning(String check, String file, Integer line, String message) {
        return new Finding(Severity.WARNING, check, file, line, message);
    }

    public static Finding info(String check, String file, Integer line, String message) {
        return new Finding(Severity.INFO, check, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: ERROR [check] message}, the form compilers use. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line != null) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        return sb.append(severity).append(" [").append(check).append("] ").append(message).toString();
    }
}
