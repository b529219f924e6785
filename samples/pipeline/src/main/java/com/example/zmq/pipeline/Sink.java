package com.example.zmq.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.annotation.ZmqPuller;

import org.springframework.stereotype.Component;

/**
 * The sink: collects every result, counting them per worker thread.
 */
@Component
class Sink {

	final CountDownLatch allArrived = new CountDownLatch(Demo.TASKS);

	final AtomicInteger received = new AtomicInteger();

	final Map<String, Integer> perWorker = new ConcurrentHashMap<>();

	@ZmqPuller("results")
	void collect(Workers.Result result) {
		this.received.incrementAndGet();
		this.perWorker.merge(result.worker(), 1, Integer::sum);
		this.allArrived.countDown();
	}

}
