package com.eshop.consistency;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.stack.LocalStack;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.SuiteClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.eshop.consistency.OrderStatusCodes.CANCELED;

/**
 * The scripts of a round's orders: each step of an {@link OrderPlan} calls one API (or waits, or races several) as a
 * client or the payment gateway would, with their retries; waits are timers, not blocked workers.
 */
final class OrderScripts {

    private static final Set<String> CALLBACK_DEFINITIVE = Set.of("OK", "ORDER_CANCEL_PAY_CALLBACK_REFUNDED",
            "ORDER_PAY_TYPE_REPEAT_REFUNDED", "ORDER_CALLBACK_PAY_AMOUNT_ERROR", "PARAM_INVALID", "ORDER_NOT_FOUND",
            "PAY_NOTIFICATION_SIGNATURE_INVALID", "PAY_NOTIFICATION_EXPIRED", "PAY_NOTIFICATION_MISMATCH", "PAY_TRANSACTION_NOT_FOUND");

    private final LocalStack stack;
    private final SuiteClient client;
    private final WorkloadDriver.Config config;
    private final CouponPool coupons;
    private final Consumer<String> log;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ExecutorService racers;
    /** SKUs with a create in flight (see {@link WorkloadDriver.Config#withCreateGate}). */
    private final Set<String> creatingSkus = new HashSet<>();

    OrderScripts(LocalStack stack, SuiteClient client, WorkloadDriver.Config config, CouponPool coupons, Consumer<String> log,
                 ExecutorService workers, ScheduledExecutorService timer, ExecutorService racers) {
        this.stack = stack;
        this.client = client;
        this.config = config;
        this.coupons = coupons;
        this.log = log;
        this.workers = workers;
        this.timer = timer;
        this.racers = racers;
    }

    /** Starts the orders in plan order, at most maxInFlight at a time. */
    void feed(Round r) throws InterruptedException {
        for (OrderPlan plan : r.plans) {
            r.inFlight.acquire();
            OrderRun run = new OrderRun(plan);
            if (plan.wantsCoupon()) {
                CouponPool.UserCoupon c = coupons.take();
                if (c != null) {
                    run.couponId = c.couponId();
                    run.userId = c.userId();
                    r.takenCoupons.add(c);
                } else {
                    r.result("coupon:POOL_EMPTY");
                }
            }
            r.runs.put(plan.orderId(), run);
            r.started.incrementAndGet();
            workers.execute(() -> runStep(r, run));
        }
    }

    private void runStep(Round r, OrderRun run) {
        try {
            if (run.step >= run.plan.steps().size()) {
                finish(r, run);
                return;
            }
            Step step = run.plan.steps().get(run.step);
            if (!(step instanceof Step.Create) && !run.created) {
                finish(r, run); // nothing to operate on
                return;
            }
            if (step instanceof Step.Pause p) {
                next(r, run, p.millis());
            } else if (step instanceof Step.AwaitExpiry a) {
                next(r, run, Math.max(0, run.expireAt + a.offsetMillis() - System.currentTimeMillis()));
            } else if (step instanceof Step.AwaitStatus a) {
                awaitStatus(r, run, a);
            } else if (step instanceof Step.Race race) {
                race(r, run, race);
            } else {
                boolean gated = step instanceof Step.Create && config.createGate();
                if (gated && !enterCreateGate(run)) {
                    timer.schedule(() -> workers.execute(() -> runStep(r, run)), 100, TimeUnit.MILLISECONDS);
                    return;
                }
                long retryIn;
                try {
                    retryIn = operate(r, run, step, run.attempt);
                } finally {
                    if (gated) {
                        leaveCreateGate(run);
                    }
                }
                if (retryIn >= 0) {
                    run.attempt++;
                    timer.schedule(() -> workers.execute(() -> runStep(r, run)), retryIn, TimeUnit.MILLISECONDS);
                } else if (step instanceof Step.Create && !run.created) {
                    finish(r, run);
                } else {
                    next(r, run, 0);
                }
            }
        } catch (Throwable t) {
            log.accept("order " + run.plan.orderId() + ": step " + run.step + " failed in the driver: " + t);
            next(r, run, 0);
        }
    }

    private boolean enterCreateGate(OrderRun run) {
        synchronized (creatingSkus) {
            if (run.plan.items().keySet().stream().anyMatch(creatingSkus::contains)) {
                return false;
            }
            creatingSkus.addAll(run.plan.items().keySet());
            return true;
        }
    }

    private void leaveCreateGate(OrderRun run) {
        synchronized (creatingSkus) {
            creatingSkus.removeAll(run.plan.items().keySet());
        }
    }

    private void next(Round r, OrderRun run, long delayMillis) {
        run.step++;
        run.attempt = 0;
        run.stepStartedAt = 0;
        if (delayMillis <= 0) {
            workers.execute(() -> runStep(r, run));
        } else {
            timer.schedule(() -> workers.execute(() -> runStep(r, run)), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(Round r, OrderRun run) {
        if (!run.finished) {
            run.finished = true;
            r.inFlight.release();
            r.done.countDown();
        }
    }

    private void awaitStatus(Round r, OrderRun run, Step.AwaitStatus a) {
        if (run.stepStartedAt == 0) {
            run.stepStartedAt = System.currentTimeMillis();
        }
        Integer status = r.board.status(run.plan.orderId());
        if ((status != null && a.statuses().contains(status)) || (status != null && status == CANCELED)
                || System.currentTimeMillis() - run.stepStartedAt > a.timeoutMillis()) {
            next(r, run, 0);
        } else {
            timer.schedule(() -> workers.execute(() -> runStep(r, run)), 250, TimeUnit.MILLISECONDS);
        }
    }

    /** All steps of the race start together on their own threads; the last to finish moves the script on. */
    private void race(Round r, OrderRun run, Step.Race race) {
        int n = race.steps().size();
        CyclicBarrier barrier = new CyclicBarrier(n);
        AtomicInteger left = new AtomicInteger(n);
        for (Step s : race.steps()) {
            racers.execute(() -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException | TimeoutException ignored) {
                    // start anyway
                }
                try {
                    for (int attempt = 0; attempt < 40; attempt++) {
                        long retryIn = operate(r, run, s, attempt);
                        if (retryIn < 0) {
                            break;
                        }
                        Thread.sleep(retryIn);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    log.accept("order " + run.plan.orderId() + ": race step " + s + " failed in the driver: " + t);
                } finally {
                    if (left.decrementAndGet() == 0) {
                        next(r, run, 0);
                    }
                }
            });
        }
    }

    /**
     * Calls the API of one step once. Returns the delay before a retry, or -1 when the step is done (success or a
     * definitive refusal).
     */
    private long operate(Round r, OrderRun run, Step step, int attempt) {
        String orderId = run.plan.orderId();
        if (step instanceof Step.Create) {
            String code = call(r, run, "create", () -> client.orderApi.createOrder(createRequest(run)), res -> {
                CreateOrderDTO dto = (CreateOrderDTO) res.getData();
                run.payAmount = dto.getPayAmount();
                run.expireAt = dto.getExpireTime().getTime();
                run.created = true;
                run.ackCreate = true;
            });
            if (code.equals("ORDER_ALREADY_EXISTS") || (ClientRetry.isWorthRetrying(code) && attempt >= 5)) {
                adoptExisting(r, run); // an earlier attempt whose answer was lost may have created it
                return -1;
            }
            return ClientRetry.isWorthRetrying(code) ? Math.min(5000L, 1000L << attempt) : -1; // a client retries ~20 s
        }
        if (step instanceof Step.PrePay p) {
            String code = call(r, run, "prePay", () -> client.orderApi.prePayOrder(prePayRequest(run, p.payType())), res ->
                    run.outTradeNo.put(p.payType(), ((PrePayOrderDTO) res.getData()).getOutTradeNo()));
            return ClientRetry.isWorthRetrying(code) && attempt < 3 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.Callback cb) {
            String outTradeNo = run.outTradeNo.get(cb.payType());
            if (outTradeNo == null) {
                r.result("callback:SKIPPED_NOT_PREPAID");
                return -1; // nobody pays what was never pre-paid
            }
            if (attempt == 0 || run.callbackStartedAt == 0) {
                run.callbackStartedAt = System.currentTimeMillis();
            }
            String code = call(r, run, "callback", () -> notifyPayment(run, cb.payType(), outTradeNo), res -> run.ackPayment = true);
            if (CALLBACK_DEFINITIVE.contains(code)) {
                return -1;
            }
            if (System.currentTimeMillis() - run.callbackStartedAt < config.callbackRetryWindow().toMillis()) {
                return Math.min(5000L, 500L << Math.min(attempt, 4)); // the gateway notifies again
            }
            r.result("callback:GAVE_UP");
            log.accept("order " + orderId + ": the gateway gave up its pay callback (" + cb.payType() + ") after "
                    + config.callbackRetryWindow().toSeconds() + " s, last answer " + code);
            return -1;
        }
        if (step instanceof Step.Cancel) {
            String code = call(r, run, "cancel", () -> client.afterSaleApi.cancelOrder(cancelRequest(run)), res -> run.ackCancel = true);
            return ClientRetry.isWorthRetrying(code) && attempt < 4 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.OutStock) {
            String code = call(r, run, "outStock", () -> client.wmsApi.outStock(orderId), res -> run.ackOutStock = true);
            return ClientRetry.isWorthRetrying(code) && attempt < 2 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.Scan) {
            r.operations.incrementAndGet();
            boolean ok = stack.triggerScanJob();
            r.result("scan:" + (ok ? "OK" : "REFUSED"));
            run.lastOpAt = System.currentTimeMillis();
            return -1;
        }
        return -1;
    }

    private interface ApiCall {
        JsonResult<?> call();
    }

    /** One API call: counts it, records its answer code, runs {@code onOk} on success; returns the code. */
    private String call(Round r, OrderRun run, String op, ApiCall api, Consumer<JsonResult<?>> onOk) {
        r.operations.incrementAndGet();
        String code;
        try {
            JsonResult<?> res = api.call();
            if (res == null) {
                code = "EXCEPTION";
            } else if (res.isOk()) {
                code = "OK";
                onOk.accept(res);
            } else {
                code = res.getErrorCode() == null ? "SYSTEM_ERROR" : res.getErrorCode();
            }
        } catch (RuntimeException e) {
            code = "EXCEPTION";
        }
        run.lastOpAt = System.currentTimeMillis();
        r.result(op + ":" + code);
        return code;
    }

    private void adoptExisting(Round r, OrderRun run) {
        try {
            JsonResult<OrderDetailDTO> d = client.orderApi.getOrderDetail(run.plan.orderId(), run.userId);
            r.operations.incrementAndGet();
            if (d != null && d.isOk() && d.getData() != null) {
                run.payAmount = d.getData().getPayAmount();
                run.expireAt = d.getData().getExpireTime().getTime();
                run.created = true;
                r.result("create:ADOPTED_EXISTING");
            }
        } catch (RuntimeException e) {
            r.result("create:ADOPT_FAILED");
        }
    }

    private CreateOrderRequest createRequest(OrderRun run) {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        request.setCouponId(run.couponId);
        request.setBusinessIdentifier(1);
        request.setOrderType(1);
        List<OrderItemRequest> lines = new ArrayList<>();
        run.plan.items().forEach((sku, q) -> {
            OrderItemRequest line = new OrderItemRequest();
            line.setSkuCode(sku);
            line.setSaleQuantity(q);
            lines.add(line);
        });
        request.setOrderItemRequestList(lines);
        return request;
    }

    private static PrePayOrderRequest prePayRequest(OrderRun run, int payType) {
        PrePayOrderRequest request = new PrePayOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        request.setPayType(payType);
        request.setPayAmount(run.payAmount);
        return request;
    }

    /** The customer pays at the gateway once per pay type; every later callback step is the gateway's re-delivery. */
    private JsonResult<Boolean> notifyPayment(OrderRun run, int payType, String outTradeNo) {
        String notified = run.notificationId.get(payType);
        PayGatewaySimulator.Delivery delivery = notified != null ? stack.payGateway().redeliver(notified)
                : stack.payGateway().pay(run.plan.orderId(), outTradeNo, payType, run.payAmount);
        run.notificationId.putIfAbsent(payType, delivery.notificationId());
        return delivery.result();
    }

    private static CancelOrderRequest cancelRequest(OrderRun run) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        return request;
    }
}
