/**
 * The contracts of the suite: Dubbo interfaces, DTOs, enums, error codes, topics, lock keys.
 *
 * <p>Comments here and in the services cite the course article by section ("section 5"). The article is not in this
 * repository; {@code docs/seed-map.md} says what each section is about and which classes and tests implement it.
 */
package com.eshop.common.api;
