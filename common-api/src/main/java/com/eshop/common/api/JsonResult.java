package com.eshop.common.api;

import lombok.Data;
import lombok.NoArgsConstructor;

import java.io.Serializable;

/** Envelope every Dubbo API returns: either success with data, or an error code with a message. */
@Data
@NoArgsConstructor
public class JsonResult<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private Boolean success;
    @CodeOf(ErrorCode.class)
    private String errorCode;
    private String errorMessage;
    private T data;

    public static <T> JsonResult<T> buildSuccess(T data) {
        JsonResult<T> result = new JsonResult<>();
        result.success = true;
        result.data = data;
        return result;
    }

    public static <T> JsonResult<T> buildError(ErrorCode errorCode, String errorMessage) {
        JsonResult<T> result = new JsonResult<>();
        result.success = false;
        result.errorCode = errorCode.name();
        result.errorMessage = errorMessage;
        return result;
    }

    public boolean isOk() {
        return Boolean.TRUE.equals(success);
    }
}
