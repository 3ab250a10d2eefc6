package com.eshop.support.json;

import com.alibaba.fastjson2.JSON;

import java.nio.charset.StandardCharsets;

/** The one JSON codec of the suite (fastjson2; never fastjson 1.x). */
public final class Json {
    private Json() {
    }

    public static String toJson(Object value) {
        return JSON.toJSONString(value);
    }

    public static byte[] toBytes(Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSON.parseObject(json, type);
    }

    public static <T> T fromBytes(byte[] body, Class<T> type) {
        return fromJson(new String(body, StandardCharsets.UTF_8), type);
    }
}
