package com.eshop.support.dubbo;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.common.logger.Level;
import org.apache.dubbo.remoting.http12.ExceptionHandler;
import org.apache.dubbo.remoting.http12.HttpResult;
import org.apache.dubbo.remoting.http12.RequestMetadata;
import org.apache.dubbo.remoting.http12.exception.DecodeException;
import org.apache.dubbo.rpc.model.MethodDescriptor;

/**
 * A request body that is not valid JSON for the method is the caller's mistake: HTTP 400 with PARAM_INVALID in
 * the usual result shape, instead of Dubbo's HTTP 500 "Error decoding json".
 */
@Activate
public class MalformedRequestExceptionHandler implements ExceptionHandler<DecodeException, Object> {

    @Override
    public Level resolveLogLevel(DecodeException e) {
        return Level.INFO;
    }

    @Override
    public Object handle(DecodeException e, RequestMetadata metadata, MethodDescriptor descriptor) {
        String method = descriptor == null ? "this method" : descriptor.getMethodName();
        return HttpResult.of(400, JsonResult.buildError(ErrorCode.PARAM_INVALID,
                "the request body is not a JSON array of the arguments of " + method));
    }
}
