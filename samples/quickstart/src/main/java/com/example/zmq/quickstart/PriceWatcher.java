package com.example.zmq.quickstart;

import java.util.concurrent.CountDownLatch;

import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Publish-subscribe: receives the prices published under topics starting with "prices.".
 */
@Component
class PriceWatcher {

	final CountDownLatch received = new CountDownLatch(3);

	@ZmqSubscriber(value = "prices", topics = "prices.")
	void onPrice(Price price, @Header(ZmqHeaders.TOPIC) String topic) {
		System.out.println("[subscriber] " + topic + " -> " + price);
		this.received.countDown();
	}

	record Price(String symbol, double value) {
	}

}
