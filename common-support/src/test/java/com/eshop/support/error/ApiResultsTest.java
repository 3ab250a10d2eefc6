package com.eshop.support.error;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResultsTest {

    @Test
    void aRefusalInsideSeatasWrapperKeepsItsErrorCode() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RuntimeException("try to proceed invocation error", new BizException(ErrorCode.ORDER_NOT_FOUND, "no order O1"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_FOUND.name());
    }

    @Test
    void aRowHeldByAnUnfinishedGlobalTransactionIsLockBusyNotASystemError() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RuntimeException("try to proceed invocation error", new LockConflictException("get global lock fail"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.LOCK_BUSY.name());
    }

    @Test
    void anythingElseIsASystemErrorThatShowsOnlyAnErrorIdNotTheCause() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new IllegalStateException("broken", new java.sql.SQLException("SELECT secret FROM t"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR.name());
        assertThat(result.getErrorMessage()).matches(".*error id [0-9a-f-]{36}")
                .doesNotContain("broken", "SQLException", "SELECT", "IllegalStateException");
    }
}
