package borderwatch.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a type is stored under ({@code gate.vehicles-cleared.v1}), written on the type itself so
 * the name sits next to the fields it describes. Names are never derived from class names: moving or
 * renaming a class must not break an existing stream.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredAs {
    String value();
}
