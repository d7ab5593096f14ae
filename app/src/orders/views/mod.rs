//! The order pages: the staff's (`admin`: ops' list over all customers and
//! an order's detail with ops' actions).

pub mod admin;
