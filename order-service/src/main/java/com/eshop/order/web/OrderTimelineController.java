package com.eshop.order.web;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.OrderTimelineDTO;
import com.eshop.order.application.OrderTimelineService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order timeline over HTTP for the ops page ({@code /ops/timeline.html}): the same envelope as the Dubbo API,
 * with HTTP 400 for a malformed order id, 404 for an unknown order and 500 for anything else that went wrong.
 */
@RestController
@RequiredArgsConstructor
public class OrderTimelineController {
    private final OrderTimelineService orderTimelineService;

    @GetMapping("/ops/orders/{orderId}/timeline")
    public ResponseEntity<JsonResult<OrderTimelineDTO>> orderTimeline(@PathVariable String orderId) {
        JsonResult<OrderTimelineDTO> result = ApiResults.call(() -> orderTimelineService.getOrderTimeline(orderId));
        return ResponseEntity.status(status(result)).body(result);
    }

    private static HttpStatus status(JsonResult<?> result) {
        if (result.isOk()) {
            return HttpStatus.OK;
        }
        if (ErrorCode.PARAM_INVALID.name().equals(result.getErrorCode())) {
            return HttpStatus.BAD_REQUEST;
        }
        if (ErrorCode.ORDER_NOT_FOUND.name().equals(result.getErrorCode())) {
            return HttpStatus.NOT_FOUND;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
