package com.example.zmq.pubsub;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Downstream subscribers on the forwarder's network: one takes all the weather, one only
 * Paris (a longer prefix).
 */
@Component
class RegionalReaders {

	final AtomicInteger weather = new AtomicInteger();

	final AtomicInteger paris = new AtomicInteger();

	final CountDownLatch done = new CountDownLatch(2 * Demo.PER_TOPIC + Demo.PER_TOPIC);

	@ZmqSubscriber(value = "regional-in", topics = "weather.")
	void allWeather(@Header(ZmqHeaders.TOPIC) String topic, String report) {
		this.weather.incrementAndGet();
		this.done.countDown();
	}

	@ZmqSubscriber(value = "regional-in", topics = "weather.paris")
	void parisOnly(@Header(ZmqHeaders.TOPIC) String topic, String report) {
		this.paris.incrementAndGet();
		this.done.countDown();
	}

}
