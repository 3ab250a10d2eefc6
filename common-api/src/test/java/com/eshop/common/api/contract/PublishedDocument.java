package com.eshop.common.api.contract;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A contract document committed under docs/api, and the check that it says what the code generates: the same JSON
 * values (the order of an object's members aside). With {@code -Dcontracts.write=true} the check writes the
 * generated document instead.
 */
record PublishedDocument(String name) {
    static final PublishedDocument OPENAPI = new PublishedDocument("docs/api/openapi.json");
    static final PublishedDocument ASYNCAPI = new PublishedDocument("docs/api/asyncapi.json");
    static final String REGENERATE = "mvn -pl common-api test -Dcontracts.write=true";
    private static final String WRITE_PROPERTY = "contracts.write";

    void check(JSONObject generated) {
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            write(generated);
            return;
        }
        if (!Files.exists(file())) {
            throw new AssertionError(name + " is missing. Generate it: " + REGENERATE);
        }
        assertDescribes(name, read(), generated);
    }

    /** Fails, naming each difference, unless {@code committed} is {@code generated}. */
    static void assertDescribes(String name, JSONObject committed, JSONObject generated) {
        List<String> differences = differences(committed, generated);
        if (!differences.isEmpty()) {
            throw new AssertionError(name + " does not describe the code (" + differences.size() + " differences):\n  "
                    + String.join("\n  ", differences)
                    + "\nIf the contract change is intended, regenerate the documents and commit them: " + REGENERATE);
        }
    }

    /** Each difference as a JSON pointer into the document and what differs there. */
    static List<String> differences(JSONObject committed, JSONObject generated) {
        List<String> differences = new ArrayList<>();
        collectDifferences("", committed, JSON.parseObject(JSON.toJSONString(generated)), differences);
        return differences;
    }

    private static void collectDifferences(String pointer, Object committed, Object generated, List<String> differences) {
        if (committed instanceof Map<?, ?> committedObject && generated instanceof Map<?, ?> generatedObject) {
            TreeSet<String> members = new TreeSet<>();
            committedObject.keySet().forEach(member -> members.add(member.toString()));
            generatedObject.keySet().forEach(member -> members.add(member.toString()));
            for (String member : members) {
                String memberPointer = pointer + "/" + member.replace("~", "~0").replace("/", "~1");
                if (!committedObject.containsKey(member)) {
                    differences.add(memberPointer + ": in the code, missing from the document");
                } else if (!generatedObject.containsKey(member)) {
                    differences.add(memberPointer + ": in the document, gone from the code");
                } else {
                    collectDifferences(memberPointer, committedObject.get(member), generatedObject.get(member), differences);
                }
            }
        } else if (committed instanceof List<?> committedArray && generated instanceof List<?> generatedArray
                && committedArray.size() == generatedArray.size()) {
            for (int i = 0; i < committedArray.size(); i++) {
                collectDifferences(pointer + "/" + i, committedArray.get(i), generatedArray.get(i), differences);
            }
        } else if (!Objects.equals(committed, generated)) {
            differences.add(pointer + ": the document says " + JSON.toJSONString(committed) + ", the code "
                    + JSON.toJSONString(generated));
        }
    }

    private JSONObject read() {
        try {
            return JSON.parseObject(Files.readString(file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JSONObject generated) {
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), JSON.toJSONString(generated, JSONWriter.Feature.PrettyFormatWith2Space) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs in common-api's directory ({@code basedir}); the documents are the repository's. */
    private Path file() {
        return Path.of(System.getProperty("basedir", ".")).resolve("..").resolve(name).normalize();
    }
}
