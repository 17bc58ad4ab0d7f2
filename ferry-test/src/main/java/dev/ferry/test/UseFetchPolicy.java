package dev.ferry.test;

import dev.ferry.policy.FetchPolicy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The fetch policy during the test instead of the extension's default (RAISE). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface UseFetchPolicy {
    FetchPolicy value();
}
