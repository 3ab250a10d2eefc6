package com.eshop.common.api.contract;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONFactory;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.writer.FieldWriter;
import com.alibaba.fastjson2.writer.ObjectWriter;
import com.eshop.common.api.CodeOf;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.Required;
import com.eshop.common.api.enums.CodedEnum;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JSON Schemas of the contract types (keywords that OpenAPI 3.1's and AsyncAPI 2.6's dialects share), with the
 * properties fastjson2 writes for them: fastjson2 is the suite's JSON library for message bodies and Dubbo triple's
 * JSON codec whenever it is on the class path, as in every service. Each DTO, message body and coded enum becomes a
 * component under its simple name, referenced as {@code #/components/schemas/<name>}.
 */
final class JsonSchemas {
    private static final String COMPONENT_REFERENCE = "#/components/schemas/";

    private final Map<String, JSONObject> components = new TreeMap<>();
    private final Map<String, Class<?>> componentTypes = new HashMap<>();

    JSONObject schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return JSONObject.of("type", "array", "items", schemaOf(parameterized.getActualTypeArguments()[0]));
        }
        if (type instanceof TypeVariable<?>) {
            // JsonResult's data: each operation's response schema says what it holds
            return new JSONObject();
        }
        if (type instanceof Class<?> javaClass) {
            return schemaOfClass(javaClass);
        }
        throw unmapped(type);
    }

    JSONObject reference(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> known = componentTypes.putIfAbsent(name, type);
        if (known == null) {
            components.put(name, type.isEnum() ? codeSchema(type) : objectSchema(type));
        } else if (known != type) {
            throw new IllegalStateException("two contract types named " + name + ": " + known.getName() + " and " + type.getName());
        }
        return JSONObject.of("$ref", COMPONENT_REFERENCE + name);
    }

    /** The components referenced so far, by name. */
    JSONObject components() {
        return new JSONObject(components);
    }

    private JSONObject schemaOfClass(Class<?> type) {
        if (type == String.class) {
            return JSONObject.of("type", "string");
        }
        if (type == Integer.class || type == int.class) {
            return JSONObject.of("type", "integer", "format", "int32");
        }
        if (type == Long.class || type == long.class) {
            return JSONObject.of("type", "integer", "format", "int64");
        }
        if (type == Boolean.class || type == boolean.class) {
            return JSONObject.of("type", "boolean");
        }
        if (type == Date.class) {
            return JSONObject.of("type", "string", "pattern", "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$",
                    "description", "yyyy-MM-dd HH:mm:ss (fastjson2's default), in the writer's time zone");
        }
        if (type.getName().startsWith("com.eshop.") && !type.isEnum() && !type.isInterface()) {
            return reference(type);
        }
        throw unmapped(type);
    }

    private JSONObject objectSchema(Class<?> type) {
        JSONObject properties = new JSONObject();
        List<String> required = new ArrayList<>();
        ObjectWriter<?> writer = JSONFactory.getDefaultObjectWriterProvider().getObjectWriter(type);
        for (FieldWriter<?> property : writer.getFieldWriters()) {
            Optional<Field> field = declaredField(type, property.fieldName);
            Optional<CodeOf> codeOf = field.map(f -> f.getAnnotation(CodeOf.class));
            properties.put(property.fieldName, codeOf.isPresent()
                    ? codeReference(codeOf.get().value(), property.fieldClass, type.getSimpleName() + "." + property.fieldName)
                    : schemaOf(property.fieldType));
            if (field.filter(f -> f.isAnnotationPresent(Required.class)).isPresent()) {
                required.add(property.fieldName);
            }
        }
        JSONObject schema = JSONObject.of("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private JSONObject codeReference(Class<? extends Enum<?>> enumType, Class<?> fieldType, String property) {
        boolean coded = CodedEnum.class.isAssignableFrom(enumType);
        boolean fits = coded ? fieldType == Integer.class || fieldType == int.class : fieldType == String.class;
        if (!fits) {
            throw new IllegalStateException(property + " is a " + fieldType.getSimpleName() + " but @CodeOf("
                    + enumType.getSimpleName() + ") values are " + (coded ? "integer codes" : "constant names"));
        }
        return reference(enumType);
    }

    /** A coded enum travels as its codes; any other (ErrorCode) as its constants' names. */
    private static JSONObject codeSchema(Class<?> enumType) {
        List<Enum<?>> constants = Stream.of(enumType.getEnumConstants()).<Enum<?>>map(constant -> (Enum<?>) constant).toList();
        JSONArray names = new JSONArray(constants.stream().map(Enum::name).toList());
        if (CodedEnum.class.isAssignableFrom(enumType)) {
            JSONArray codes = new JSONArray(constants.stream().map(constant -> ((CodedEnum) constant).getCode()).toList());
            String meaning = constants.stream().map(constant -> ((CodedEnum) constant).getCode() + " = " + constant.name())
                    .collect(Collectors.joining(", "));
            return JSONObject.of("type", "integer", "enum", codes, "x-enum-varnames", names,
                    "description", enumType.getSimpleName() + ": " + meaning);
        }
        JSONObject schema = JSONObject.of("type", "string", "enum", names);
        if (enumType == ErrorCode.class) {
            schema.put("x-enum-descriptions",
                    new JSONArray(constants.stream().map(constant -> ((ErrorCode) constant).getDefaultMessage()).toList()));
        }
        return schema;
    }

    private static Optional<Field> declaredField(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                return Optional.of(declaring.getDeclaredField(name));
            } catch (NoSuchFieldException e) {
                // declared further up, or a getter without a field (JsonResult's ok)
            }
        }
        return Optional.empty();
    }

    private static IllegalArgumentException unmapped(Type type) {
        return new IllegalArgumentException("no JSON Schema for " + type.getTypeName() + " in the contracts: map it in "
                + JsonSchemas.class.getSimpleName() + " as fastjson2 writes it");
    }
}
