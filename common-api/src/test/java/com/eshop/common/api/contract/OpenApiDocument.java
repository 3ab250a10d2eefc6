package com.eshop.common.api.contract;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.PublicApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI 3.1 description of the public triple endpoints: every interface marked {@link PublicApi}, as Dubbo
 * triple serves a Java interface over HTTP without REST annotations — {@code POST /<interface>/<method>} with a JSON
 * array of the method's arguments (Content-Type application/json), answering HTTP 200 with the method's
 * {@link JsonResult}. A body that is not such an array answers HTTP 400 with PARAM_INVALID
 * (common-support's MalformedRequestExceptionHandler).
 */
final class OpenApiDocument {
    /** order-service's triple port, where the public APIs are served (local stack; compose publishes the same port). */
    private static final String PUBLIC_SERVER = "http://127.0.0.1:21880";
    private static final String JSON = "application/json";

    private OpenApiDocument() {
    }

    /** The interfaces marked {@link PublicApi} among common-api's classes, by name. */
    static List<Class<?>> publicApis() {
        Path classes = classesDirectoryOf(PublicApi.class);
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace(classes.getFileSystem().getSeparator(), "."))
                    .<Class<?>>map(OpenApiDocument::load)
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(PublicApi.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JSONObject generate(List<Class<?>> apis) {
        JsonSchemas schemas = new JsonSchemas();
        JSONArray tags = new JSONArray();
        JSONObject paths = new JSONObject();
        for (Class<?> api : apis) {
            tags.add(JSONObject.of("name", api.getSimpleName(), "description", api.getName()));
            for (Method method : Arrays.stream(api.getMethods()).sorted(Comparator.comparing(Method::getName)).toList()) {
                String path = "/" + api.getName() + "/" + method.getName();
                if (paths.containsKey(path)) {
                    throw new IllegalStateException(path + ": triple maps every overload of a method to one path");
                }
                paths.put(path, JSONObject.of("post", operation(api, method, schemas)));
            }
        }
        JSONObject document = JSONObject.of("openapi", "3.1.0", "info", info(), "servers",
                JSONArray.of(JSONObject.of("url", PUBLIC_SERVER, "description", "order-service's triple port")),
                "tags", tags, "paths", paths);
        document.put("components", JSONObject.of("schemas", schemas.components()));
        return document;
    }

    private static JSONObject info() {
        return JSONObject.of("title", "eshop order-cancellation suite: public triple APIs", "version", "1.0.0",
                "description", "The Dubbo APIs marked @PublicApi, callable by anyone who reaches the port, over HTTP as"
                        + " Dubbo triple serves them: POST /<interface>/<method> with Content-Type application/json and a"
                        + " JSON array of the method's arguments. Every other API of the suite is internal (signed with the"
                        + " suite's internal-API secret) and not described here. Generated from common-api by its tests"
                        + " (docs/api/README.md).");
    }

    private static JSONObject operation(Class<?> api, Method method, JsonSchemas schemas) {
        Parameter[] parameters = method.getParameters();
        JSONArray arguments = new JSONArray(Arrays.stream(parameters)
                .map(parameter -> schemas.schemaOf(parameter.getParameterizedType())).toList());
        String argumentNames = Arrays.stream(parameters).map(Parameter::getName).collect(Collectors.joining(", "));
        JSONObject body = JSONObject.of("type", "array", "prefixItems", arguments, "minItems", parameters.length,
                "maxItems", parameters.length, "description", "the method's arguments in order: [" + argumentNames + "]");

        JSONObject responses = new JSONObject();
        responses.put("200", JSONObject.of("description", "The JsonResult: success with data, or success false with an"
                        + " errorCode and errorMessage (a refusal changes nothing)",
                "content", JSONObject.of(JSON, JSONObject.of("schema", result(method, schemas)))));
        responses.put("400", JSONObject.of("description", "The body is not a JSON array of the method's arguments: errorCode "
                        + ErrorCode.PARAM_INVALID.name(),
                "content", JSONObject.of(JSON, JSONObject.of("schema", schemas.reference(JsonResult.class)))));

        return JSONObject.of("tags", JSONArray.of(api.getSimpleName()), "operationId", api.getSimpleName() + "." + method.getName(),
                "requestBody", JSONObject.of("required", true, "content", JSONObject.of(JSON, JSONObject.of("schema", body))),
                "responses", responses);
    }

    /** {@code JsonResult<T>}: the envelope with its data of type T. */
    private static JSONObject result(Method method, JsonSchemas schemas) {
        Type returned = method.getGenericReturnType();
        if (!(returned instanceof ParameterizedType parameterized) || parameterized.getRawType() != JsonResult.class) {
            throw new IllegalStateException(method + " does not return a JsonResult<T>, the envelope every API answers");
        }
        JSONObject data = JSONObject.of("type", "object",
                "properties", JSONObject.of("data", schemas.schemaOf(parameterized.getActualTypeArguments()[0])));
        return JSONObject.of("allOf", JSONArray.of(schemas.reference(JsonResult.class), data));
    }

    private static Path classesDirectoryOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, OpenApiDocument.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
